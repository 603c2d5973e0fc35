#include "bot/engine/scheduling/delivery_window.h"

#include <gtest/gtest.h>

namespace mentorbot {
namespace {

std::chrono::sys_seconds Utc(int y, unsigned m, unsigned d, int h, int min) {
  return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d)) +
         std::chrono::hours(h) + std::chrono::minutes(min);
}

class DeliveryWindowTest : public ::testing::Test {
 protected:
  ProgramRules rules;  // quiet 20:00–08:00, Monday to Friday
};

TEST_F(DeliveryWindowTest, AllowedMomentsPassUnchanged) {
  const auto tuesday_noon = Utc(2026, 11, 24, 12, 0);
  EXPECT_EQ(NextAllowedMoment(tuesday_noon, "UTC", rules), tuesday_noon);
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 24, 8, 0), "UTC", rules), Utc(2026, 11, 24, 8, 0));
}

TEST_F(DeliveryWindowTest, EveningAndNightWaitForTheMorningInTheRecipientsZone) {
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 24, 21, 0), "UTC", rules), Utc(2026, 11, 25, 8, 0));
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 24, 3, 0), "UTC", rules), Utc(2026, 11, 24, 8, 0));
  // 19:30 UTC is 20:30 in Berlin (quiet) but 14:30 in New York (fine).
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 24, 19, 30), "Europe/Berlin", rules), Utc(2026, 11, 25, 7, 0));
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 24, 19, 30), "America/New_York", rules), Utc(2026, 11, 24, 19, 30));
}

TEST_F(DeliveryWindowTest, WeekendsWaitForMondayMorning) {
  // Friday 21:00 in Kolkata → Monday 08:00 Kolkata (02:30 UTC).
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 27, 15, 30), "Asia/Kolkata", rules), Utc(2026, 11, 30, 2, 30));
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 28, 12, 0), "UTC", rules), Utc(2026, 11, 30, 8, 0));
}

TEST_F(DeliveryWindowTest, DaylightSavingChangesAreRespected) {
  // Europe/Berlin springs forward on Sunday 2027-03-28: Monday 08:00 is CEST (06:00 UTC).
  EXPECT_EQ(NextAllowedMoment(Utc(2027, 3, 27, 12, 0), "Europe/Berlin", rules), Utc(2027, 3, 29, 6, 0));
  // ...and falls back on Sunday 2027-10-31: Monday 08:00 is CET (07:00 UTC).
  EXPECT_EQ(NextAllowedMoment(Utc(2027, 10, 30, 12, 0), "Europe/Berlin", rules), Utc(2027, 11, 1, 7, 0));
}

TEST_F(DeliveryWindowTest, OtherQuietHoursAndWorkDays) {
  rules.quiet_start_minute = 12 * 60;
  rules.quiet_end_minute = 13 * 60;  // a lunch break that does not wrap
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 24, 12, 30), "UTC", rules), Utc(2026, 11, 24, 13, 0));
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 24, 22, 0), "UTC", rules), Utc(2026, 11, 24, 22, 0));
  rules.quiet_start_minute = rules.quiet_end_minute = 0;  // off
  rules.work_days = {true, false, false, false, false, false, false};  // Sundays only
  EXPECT_EQ(NextAllowedMoment(Utc(2026, 11, 24, 22, 0), "UTC", rules), Utc(2026, 11, 29, 0, 0));
}

}  // namespace
}  // namespace mentorbot
