#include "bot/engine/time/when_parser.h"

#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"

namespace mentorbot {
namespace {

// Monday 2026-11-23 09:00 UTC = 10:00 in Berlin.
const TimePoint kNow = TestEpoch();

std::chrono::sys_seconds Utc(int y, unsigned m, unsigned d, int h, int min) {
  return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d)) +
         std::chrono::hours(h) + std::chrono::minutes(min);
}

TimePoint Parse(const std::string& text, const std::string& zone = "Europe/Berlin") {
  auto when = ParseWhen(text, kNow, zone);
  EXPECT_TRUE(when.ok()) << text << ": " << when.status().message();
  return when.ok() ? *when : TimePoint{};
}

TEST(WhenParserTest, IsoDateAndTimeInTheReadersZone) {
  EXPECT_EQ(Parse("2026-12-01 15:00"), Utc(2026, 12, 1, 14, 0));
  EXPECT_EQ(Parse("2026-12-01 15:00", "America/New_York"), Utc(2026, 12, 1, 20, 0));
  EXPECT_EQ(Parse("2026-12-01 15:00", "Asia/Kolkata"), Utc(2026, 12, 1, 9, 30));
}

TEST(WhenParserTest, TodayTomorrowAndWeekdays) {
  EXPECT_EQ(Parse("today 16:30"), Utc(2026, 11, 23, 15, 30));
  EXPECT_EQ(Parse("tomorrow 9:30"), Utc(2026, 11, 24, 8, 30));
  EXPECT_EQ(Parse("wed 14:00"), Utc(2026, 11, 25, 13, 0));
  EXPECT_EQ(Parse("Wednesday 14:00"), Utc(2026, 11, 25, 13, 0));
  EXPECT_EQ(Parse("mon 11:00"), Utc(2026, 11, 23, 10, 0)) << "today, still ahead";
  EXPECT_EQ(Parse("mon 9:00"), Utc(2026, 11, 30, 8, 0)) << "today but past: next week's";
  EXPECT_EQ(Parse("next tue 9:30"), Utc(2026, 12, 1, 8, 30)) << "the Tuesday of next week";
  EXPECT_EQ(Parse("next mon 9:30"), Utc(2026, 11, 30, 8, 30));
  EXPECT_EQ(Parse("this fri 12:00"), Utc(2026, 11, 27, 11, 0));
}

TEST(WhenParserTest, TwelveHourClock) {
  EXPECT_EQ(Parse("tomorrow 3pm"), Utc(2026, 11, 24, 14, 0));
  EXPECT_EQ(Parse("tomorrow 3:30PM"), Utc(2026, 11, 24, 14, 30));
  EXPECT_EQ(Parse("tomorrow 12am"), Utc(2026, 11, 23, 23, 0));
  EXPECT_EQ(Parse("tomorrow 12pm"), Utc(2026, 11, 24, 11, 0));
}

TEST(WhenParserTest, RejectsWhatItCannotReadExactly) {
  for (const char* bad : {"", "soon", "tomorrow", "tomorrow 25:00", "tomorrow 9:60", "tomorrow 9:5", "tomorrow 15",
                          "13pm", "2026-02-30 10:00", "2026-13-01 10:00", "tomorrow 9:30 please", "next 9:30",
                          "tu 9:30", "someday 9:30"}) {
    auto when = ParseWhen(bad, kNow, "Europe/Berlin");
    EXPECT_FALSE(when.ok()) << bad;
    if (!when.ok()) {
      EXPECT_EQ(when.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(WhenParserTest, DaylightSavingGapIsRefusedAndTheOverlapTakesTheFirst) {
  auto gap = ParseWhen("2027-03-28 02:30", kNow, "Europe/Berlin");
  ASSERT_FALSE(gap.ok());
  EXPECT_NE(gap.status().message().find("does not exist"), std::string::npos);
  EXPECT_EQ(Parse("2027-10-31 02:30"), Utc(2027, 10, 31, 0, 30)) << "CEST, the first of the two";
  EXPECT_EQ(Parse("2027-03-29 10:00"), Utc(2027, 3, 29, 8, 0)) << "summer time after the change";
}

}  // namespace
}  // namespace mentorbot
