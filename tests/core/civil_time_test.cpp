#include "bot/core/civil_time.h"

#include <gtest/gtest.h>

namespace mentorbot {
namespace {

using namespace std::chrono;

TEST(CivilTimeTest, ReadsTheUtcDateAndTimeOfDay) {
  EXPECT_EQ(ToCivilTime(sys_days{year{2024} / February / 29} + hours{23} + minutes{5} + seconds{9}),
            (CivilTime{2024, 2, 29, 23, 5, 9}));
}

TEST(CivilTimeTest, InstantsBefore1970CountBackFromMidnight) {
  EXPECT_EQ(ToCivilTime(TimePoint{seconds{-1}}), (CivilTime{1969, 12, 31, 23, 59, 59}));
}

}  // namespace
}  // namespace mentorbot
