#include "bot/core/civil_time.h"

#include <gtest/gtest.h>

namespace mentorbot {
namespace {

using namespace std::chrono;

TEST(CivilTimeTest, ReadsTheUtcDateAndTimeOfDay) {
  const CivilTime at = ToCivilTime(sys_days{year{2024} / February / 29} + hours{23} + minutes{5} + seconds{9});
  EXPECT_EQ(at.year, 2024);
  EXPECT_EQ(at.month, 2u);
  EXPECT_EQ(at.day, 29u);
  EXPECT_EQ(at.hour, 23);
  EXPECT_EQ(at.minute, 5);
  EXPECT_EQ(at.second, 9);
}

TEST(CivilTimeTest, InstantsBefore1970CountBackFromMidnight) {
  const CivilTime at = ToCivilTime(TimePoint{seconds{-1}});
  EXPECT_EQ(at.year, 1969);
  EXPECT_EQ(at.month, 12u);
  EXPECT_EQ(at.day, 31u);
  EXPECT_EQ(at.hour, 23);
  EXPECT_EQ(at.minute, 59);
  EXPECT_EQ(at.second, 59);
}

}  // namespace
}  // namespace mentorbot
