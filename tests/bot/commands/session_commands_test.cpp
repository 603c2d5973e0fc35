// schedule, reschedule, confirm, decline, cancel.
#include "tests/bot/program_fixture.h"

namespace mentorbot {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

using SessionCommandsTest = ProgramTest;

TEST_F(SessionCommandsTest, TheMenteeProposesInTheirZoneAndTheMentorGetsButtons) {
  const std::string reply = bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(reply, HasSubstr("Proposed 2026-11-24 15:00 CET (45 minutes)"));
  auto session = OpenSession();
  ASSERT_TRUE(session);
  EXPECT_EQ(session->state, SessionState::kProposed);
  EXPECT_EQ(session->starts_at, TestEpoch() + std::chrono::hours(29)) << "15:00 Berlin = 14:00 UTC the next day";
  bool found = false;
  for (const auto& message : Queued()) {
    if (message.to.user != mentor || message.key.find(":proposed:") == std::string::npos) continue;
    found = true;
    const auto& buttons = message.message.sections.back().buttons;
    ASSERT_EQ(buttons.size(), 2u);
    EXPECT_EQ(buttons[0].action_id, "confirm");
    EXPECT_EQ(buttons[0].value, std::to_string(session->id));
    EXPECT_EQ(buttons[1].action_id, "decline");
    EXPECT_THAT(message.message.PlainText(), HasSubstr("2026-11-24 14:00 UTC")) << "in the mentor's own zone";
  }
  EXPECT_TRUE(found);
}

TEST_F(SessionCommandsTest, WrongRoleWrongTimeOrAlreadyScheduledIsExplained) {
  EXPECT_THAT(bot.Say(mentor, "schedule tomorrow 15:00"), HasSubstr("The mentee schedules"));
  EXPECT_THAT(bot.Say(mentee, "schedule"), HasSubstr("Times in the next 21 days")) << "without a time: suggestions";
  EXPECT_THAT(bot.Say(mentee, "schedule someday"), HasSubstr("couldn't read"));
  EXPECT_THAT(bot.Say(mentee, "schedule 2026-11-20 10:00"), HasSubstr("already passed"));
  EXPECT_FALSE(OpenSession());
  bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(bot.Say(mentee, "schedule tomorrow 16:00"), HasSubstr("reschedule"));
  EXPECT_THAT(bot.Say(outsider, "schedule tomorrow 15:00"), HasSubstr("enrolled in the program first"));
}

TEST_F(SessionCommandsTest, RescheduleMovesTheSessionAndAsksAgain) {
  EXPECT_THAT(bot.Say(mentee, "reschedule tomorrow 10:00"), HasSubstr("Nothing is scheduled"));
  bot.Say(mentee, "schedule tomorrow 15:00");
  bot.Say(mentor, "confirm");
  EXPECT_THAT(bot.Say(mentee, "reschedule next tue 11:00"), HasSubstr("Moved to 2026-12-01 11:00 CET"));
  auto session = OpenSession();
  EXPECT_EQ(session->state, SessionState::kProposed) << "the mentor confirms the new time";
  int proposals = 0;
  for (const auto& message : Queued()) proposals += message.key.find(":proposed:") != std::string::npos;
  EXPECT_EQ(proposals, 2);
}

TEST_F(SessionCommandsTest, ConfirmByCommandOrButtonOnlyByTheMentor) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(bot.Say(mentee, "confirm"), HasSubstr("Your mentor confirms"));
  Event press;
  press.kind = EventKind::kAction;
  press.from.user = mentor;
  press.action_id = "confirm";
  press.action_value = "999";
  EXPECT_THAT(bot.engine().Handle(press).message.PlainText(), HasSubstr("no proposal waiting")) << "a stale button";
  press.action_value = std::to_string(OpenSession()->id);
  EXPECT_THAT(bot.engine().Handle(press).message.PlainText(), HasSubstr("Confirmed: 2026-11-24 14:00 UTC"));
  EXPECT_EQ(OpenSession()->state, SessionState::kConfirmed);
  EXPECT_THAT(bot.Say(mentor, "confirm"), HasSubstr("Already confirmed"));
  EXPECT_THAT(QueuedTo(mentee), Contains(HasSubstr("confirmed your session")));
}

TEST_F(SessionCommandsTest, DeclineCancelsWithTheReasonAndAsksForAnotherTime) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(bot.Say(mentor, "decline I'm travelling"), HasSubstr("Declined"));
  EXPECT_FALSE(OpenSession());
  EXPECT_THAT(QueuedTo(mentee), Contains(AllOf(HasSubstr("can't make"), HasSubstr("I'm travelling"))));
  EXPECT_THAT(bot.Say(mentor, "decline"), HasSubstr("no proposal waiting"));
}

TEST_F(SessionCommandsTest, EitherSideCancelsAndThePartnerIsTold) {
  EXPECT_THAT(bot.Say(mentor, "cancel"), HasSubstr("nothing to cancel"));
  bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(bot.Say(mentor, "cancel sick today"), HasSubstr("Cancelled the session"));
  EXPECT_FALSE(OpenSession());
  EXPECT_THAT(QueuedTo(mentee), Contains(AllOf(HasSubstr("cancelled your session"), HasSubstr("sick today"))));
}

TEST_F(SessionCommandsTest, SessionLengthFollowsTheProgramSetting) {
  bot.Say(admin, "admin config set session_minutes 60");
  EXPECT_THAT(bot.Say(mentee, "schedule tomorrow 15:00"), HasSubstr("(60 minutes)"));
  EXPECT_EQ(OpenSession()->minutes, 60);
}

TEST_F(SessionCommandsTest, NothingToScheduleWithoutAPair) {
  const UserRef lonely = EngineHarness::SlackUser("ULONELY");
  bot.Say(lonely, "join mentee");
  EXPECT_THAT(bot.Say(lonely, "schedule tomorrow 15:00"), HasSubstr("not paired yet"));
}

}  // namespace
}  // namespace mentorbot
