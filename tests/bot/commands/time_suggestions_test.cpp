// `schedule` without a time: times both are free (working hours, work days,
// each in their own zone), as buttons that propose exactly as typing does;
// the kickoff and the stall nudge offer "Find a time".
#include "bot/engine/scheduling/scheduler.h"
#include "tests/bot/program_fixture.h"

namespace mentorbot {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

using TimeSuggestionsTest = ProgramTest;  // mentor in UTC, mentee in Berlin; Monday 2026-11-23 09:00 UTC

std::vector<std::string> Labels(const std::vector<Button>& buttons) {
  std::vector<std::string> labels;
  for (const auto& button : buttons) labels.push_back(button.label);
  return labels;
}

TEST_F(TimeSuggestionsTest, ScheduleWithoutATimeOffersTimesBothAreFreeAndPickingOneProposesIt) {
  const Reply reply = bot.Send(mentee, "schedule");
  ASSERT_FALSE(reply.message.sections.empty());
  const auto& buttons = reply.message.sections.front().buttons;
  EXPECT_THAT(Labels(buttons), ::testing::ElementsAre("Mon 23 Nov 11:00 CET", "Tue 24 Nov 10:00 CET",
                                                      "Wed 25 Nov 10:00 CET"));
  for (const auto& button : buttons) EXPECT_EQ(button.action_id, "schedule");
  EXPECT_EQ(buttons[1].value, "2026-11-24 10:00");
  EXPECT_THAT(reply.message.PlainText(), AllOf(HasSubstr("next 21 days"), HasSubstr("working hours (09:00-17:00"),
                                               HasSubstr("can't see your calendars")));
  EXPECT_TRUE(reply.message.sections.back().form) << "another time can still be typed";
  EXPECT_FALSE(OpenSession()) << "suggesting proposes nothing";

  EXPECT_THAT(bot.Say(mentee, "schedule " + buttons[1].value), HasSubstr("Proposed"));
  EXPECT_EQ(OpenSession()->starts_at, TestEpoch() + std::chrono::hours(24));  // Tue 09:00 UTC
  EXPECT_THAT(QueuedTo(mentor), ::testing::Contains(HasSubstr("proposes your next session")));
}

TEST_F(TimeSuggestionsTest, RescheduleWithoutATimeOffersTimesThatMoveTheSession) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  const Reply reply = bot.Send(mentee, "reschedule");
  ASSERT_EQ(reply.message.sections.front().buttons.size(), 3u);
  EXPECT_EQ(reply.message.sections.front().buttons[0].action_id, "reschedule");
}

TEST_F(TimeSuggestionsTest, NoOverlapInWorkingHoursIsSaidPlainly) {
  bot.Say(mentor, "profile set timezone Pacific/Kiritimati");  // UTC+14: 13 hours from Berlin
  const Reply reply = bot.Send(mentee, "schedule");
  EXPECT_TRUE(reply.message.sections.front().buttons.empty());
  EXPECT_THAT(reply.message.PlainText(), AllOf(HasSubstr("I found no time in the next 21 days"),
                                               HasSubstr("schedule <when>")));
}

TEST_F(TimeSuggestionsTest, TheMentorIsPointedToTheMentee) {
  EXPECT_THAT(bot.Say(mentor, "schedule"), HasSubstr("The mentee schedules"));
}

TEST_F(TimeSuggestionsTest, TheMenteesKickoffAndStallNudgeOfferFindATime) {
  auto find_a_time = [](const Message& message) {
    for (const auto& section : message.sections) {
      for (const auto& button : section.buttons) {
        if (button.label == "Find a time" && button.action_id == "schedule" && button.value.empty()) return true;
      }
    }
    return false;
  };
  bool mentee_kickoff = false, mentor_kickoff = false;
  for (const auto& message : Queued()) {
    if (message.key.find(":kickoff:") == std::string::npos) continue;
    (message.to.user == mentee ? mentee_kickoff : mentor_kickoff) = find_a_time(message.message);
  }
  EXPECT_TRUE(mentee_kickoff);
  EXPECT_FALSE(mentor_kickoff) << "the mentee schedules";

  Scheduler scheduler(bot.store(), EngineHarness::DefaultSettings());
  bot.clock().Advance(std::chrono::days(29));
  auto report = scheduler.Tick(bot.clock().Now());
  ASSERT_TRUE(report.ok());
  bool stall_offers = false;
  for (const auto& item : report->queued) {
    if (item.key.find(":stall:") != std::string::npos && item.to == mentee) stall_offers = find_a_time(item.message);
  }
  EXPECT_TRUE(stall_offers);
}

}  // namespace
}  // namespace mentorbot
