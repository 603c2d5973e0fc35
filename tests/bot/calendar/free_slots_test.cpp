// Finding times both people are free: working hours, work days and quiet
// hours in each person's own zone (Berlin, Pune, Austin), across DST
// changes, around busy intervals, one slot a day.
#include "bot/engine/calendar/free_slots.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <date/date.h>

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TimePoint Utc(int year, unsigned month, unsigned day, int hour, int minute = 0) {
  return date::sys_days(date::year(year) / date::month(month) / date::day(day)) + std::chrono::hours(hour) +
         std::chrono::minutes(minute);
}

std::vector<std::string> Labels(const std::vector<FreeSlot>& slots) {
  std::vector<std::string> labels;
  for (const auto& slot : slots) labels.push_back(slot.label);
  return labels;
}

const ProgramRules kRules;  // 09:00-17:00, Mon-Fri, quiet 20:00-08:00

TEST(FreeSlotsTest, BerlinAndPuneMeetInTheirSharedMorningOneSlotADayOnWorkDays) {
  // Friday 2026-11-20 06:00 UTC: Friday, then the weekend is skipped.
  const auto slots = FindFreeSlots({{"Europe/Berlin", {}}, {"Asia/Kolkata", {}}}, Utc(2026, 11, 20, 6),
                                   Utc(2026, 12, 11, 6), 45, kRules);
  EXPECT_THAT(Labels(slots), ElementsAre("Fri 20 Nov 09:00 CET", "Mon 23 Nov 09:00 CET", "Tue 24 Nov 09:00 CET"));
  EXPECT_EQ(slots[0].start, Utc(2026, 11, 20, 8));
  EXPECT_EQ(slots[0].typed, "2026-11-20 09:00") << "what `schedule` reads in the mentee's zone";
}

TEST(FreeSlotsTest, BerlinAndAustinShareOnlyTheBerlinAfternoon) {
  const auto slots = FindFreeSlots({{"Europe/Berlin", {}}, {"America/Chicago", {}}}, Utc(2026, 11, 23, 0),
                                   Utc(2026, 12, 14, 0), 45, kRules);
  ASSERT_EQ(slots.size(), 3u);
  // Austin's 09:00 CST is 15:00 UTC = 16:00 in Berlin; the session ends 16:45 < 17:00.
  EXPECT_EQ(slots[0].start, Utc(2026, 11, 23, 15));
  EXPECT_EQ(slots[0].label, "Mon 23 Nov 16:00 CET");
  const auto longer = FindFreeSlots({{"Europe/Berlin", {}}, {"America/Chicago", {}}}, Utc(2026, 11, 23, 0),
                                    Utc(2026, 12, 14, 0), 90, kRules);
  EXPECT_THAT(longer, IsEmpty()) << "an hour's overlap holds no 90-minute session";
}

TEST(FreeSlotsTest, PuneAndAustinHaveNoCommonWorkingHours) {
  EXPECT_THAT(FindFreeSlots({{"Asia/Kolkata", {}}, {"America/Chicago", {}}}, Utc(2026, 11, 23, 0),
                            Utc(2026, 12, 14, 0), 45, kRules),
              IsEmpty());
}

TEST(FreeSlotsTest, WhenOnlyOneSideChangesToSummerTimeTheSharedHourMoves) {
  // The US moves its clocks on 2027-03-14, Europe only on 2027-03-28.
  const auto slots = FindFreeSlots({{"Europe/Berlin", {}}, {"America/Chicago", {}}}, Utc(2027, 3, 11, 0),
                                   Utc(2027, 3, 20, 0), 45, kRules, 4);
  EXPECT_THAT(Labels(slots), ElementsAre("Thu 11 Mar 16:00 CET", "Fri 12 Mar 16:00 CET", "Mon 15 Mar 15:00 CET",
                                         "Tue 16 Mar 15:00 CET"));
  const auto after = FindFreeSlots({{"Europe/Berlin", {}}, {"America/Chicago", {}}}, Utc(2027, 3, 29, 0),
                                   Utc(2027, 4, 5, 0), 45, kRules, 1);
  EXPECT_THAT(Labels(after), ElementsAre("Mon 29 Mar 16:00 CEST")) << "both on summer time: 7 hours apart again";
}

TEST(FreeSlotsTest, BusyTimesAreAvoidedAndAFullyBusyWindowHasNoSlot) {
  const TimePoint monday = Utc(2026, 11, 23, 0);
  std::vector<BusyInterval> morning{{Utc(2026, 11, 23, 8), Utc(2026, 11, 23, 9, 30)}};
  const auto slots = FindFreeSlots({{"Europe/Berlin", {}}, {"Europe/London", morning}}, monday, monday + std::chrono::days(1),
                                   45, kRules);
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(slots[0].start, Utc(2026, 11, 23, 9, 30)) << "right after the busy stretch";
  std::vector<BusyInterval> all_week{{monday, monday + std::chrono::days(7)}};
  EXPECT_THAT(FindFreeSlots({{"Europe/Berlin", all_week}, {"Europe/London", {}}}, monday,
                            monday + std::chrono::days(7), 45, kRules),
              IsEmpty());
}

TEST(FreeSlotsTest, WorkingHoursWorkDaysAndQuietHoursAreTheProgramsRules) {
  ProgramRules rules;
  rules.work_start_minute = 7 * 60;  // inside the default quiet hours (until 08:00)
  rules.work_end_minute = 10 * 60;
  rules.work_days = {true, false, false, false, false, false, true};  // weekends only
  const auto slots = FindFreeSlots({{"UTC", {}}, {"UTC", {}}}, Utc(2026, 11, 23, 0), Utc(2026, 12, 7, 0), 45, rules);
  EXPECT_THAT(Labels(slots), ElementsAre("Sat 28 Nov 08:00 UTC", "Sun 29 Nov 08:00 UTC", "Sat 5 Dec 08:00 UTC"));
}

TEST(FreeSlotsTest, AHalfHourZoneLabelsAndTypesItsOwnLocalTimes) {
  const auto slots = FindFreeSlots({{"Asia/Kolkata", {}}, {"Europe/Berlin", {}}}, Utc(2026, 11, 23, 0),
                                   Utc(2026, 11, 24, 0), 45, kRules);
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(slots[0].start, Utc(2026, 11, 23, 8));  // Berlin's 09:00
  EXPECT_EQ(slots[0].label, "Mon 23 Nov 13:30 IST");
  EXPECT_EQ(slots[0].typed, "2026-11-23 13:30");
}

TEST(FreeSlotsTest, ALocalTimeThatOccursTwiceIsNotOffered) {
  ProgramRules rules;
  rules.work_start_minute = 60;
  rules.work_end_minute = 4 * 60;
  rules.quiet_start_minute = rules.quiet_end_minute = 0;
  rules.work_days = std::vector<bool>(7, true);
  // Berlin's clocks fall back at 03:00 CEST on 2026-10-25: 02:00-03:00 happens twice.
  const auto slots = FindFreeSlots({{"Europe/Berlin", {}}, {"UTC", {}}}, Utc(2026, 10, 25, 0), Utc(2026, 10, 25, 6),
                                   45, rules);
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(slots[0].label, "Sun 25 Oct 03:00 CET");
}

TEST(FreeSlotsTest, AShortQuietStretchInsideASessionRulesItOut) {
  ProgramRules rules;
  rules.quiet_start_minute = 12 * 60 + 10;
  rules.quiet_end_minute = 12 * 60 + 20;
  rules.work_start_minute = 12 * 60;
  rules.work_end_minute = 13 * 60 + 30;
  const auto slots = FindFreeSlots({{"UTC", {}}, {"UTC", {}}}, Utc(2026, 11, 23, 0), Utc(2026, 11, 24, 0), 45, rules);
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(slots[0].start, Utc(2026, 11, 23, 12, 30));
}

TEST(FreeSlotsTest, SlotsStartOnHalfHoursAfterTheStartOfTheWindow) {
  const auto slots = FindFreeSlots({{"UTC", {}}, {"UTC", {}}}, Utc(2026, 11, 23, 9, 1), Utc(2026, 11, 24, 0), 45, kRules);
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(slots[0].start, Utc(2026, 11, 23, 9, 30));
}

}  // namespace
}  // namespace mentorbot
