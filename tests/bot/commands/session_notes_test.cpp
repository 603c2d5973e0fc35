// agenda, met, takeaways, history — and that only the pair can read them.
#include "tests/bot/program_fixture.h"

namespace mentorbot {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Each;
using ::testing::HasSubstr;
using ::testing::Not;

using SessionNotesTest = ProgramTest;

TEST_F(SessionNotesTest, TheMenteeSetsTheAgendaAndTheMentorIsToldWithTheText) {
  EXPECT_THAT(bot.Say(mentee, "agenda Hiring"), HasSubstr("no session to set an agenda for"));
  bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(bot.Say(mentor, "agenda My ideas"), HasSubstr("The mentee sets the agenda"));
  EXPECT_THAT(bot.Say(mentor, "agenda"), HasSubstr("No agenda yet"));
  EXPECT_THAT(bot.Say(mentee, "agenda How my team sees our hiring"), HasSubstr("Agenda saved"));
  EXPECT_THAT(bot.Say(mentor, "agenda"), HasSubstr("How my team sees our hiring"));
  EXPECT_THAT(bot.Say(mentee, "agenda Hiring, and promotions"), HasSubstr("Agenda updated"));
  EXPECT_EQ(OpenSession()->agenda, "Hiring, and promotions");
  auto told = QueuedTo(mentor);
  EXPECT_THAT(told, Contains(HasSubstr("How my team sees our hiring")));
  EXPECT_THAT(told, Contains(AllOf(HasSubstr("changed the agenda"), HasSubstr("Hiring, and promotions"))));
  EXPECT_THAT(bot.Say(mentee, "agenda " + std::string(3001, 'x')), HasSubstr("too long"));
}

TEST_F(SessionNotesTest, MetRecordsTheScheduledSessionOnceItStarted) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  bot.Say(mentor, "confirm");
  bot.clock().Advance(std::chrono::hours(29) + std::chrono::minutes(50));
  EXPECT_THAT(bot.Say(mentor, "met"), HasSubstr("1 of 6 sessions held"));
  EXPECT_THAT(bot.Say(mentee, "met"), HasSubstr("Already recorded")) << "both pressing met is one session";
  EXPECT_FALSE(OpenSession());
  EXPECT_THAT(QueuedTo(mentee), Contains(HasSubstr("takeaways")));
}

TEST_F(SessionNotesTest, MetOutsideTheCalendarCountsAsAnUnscheduledSession) {
  EXPECT_THAT(bot.Say(mentee, "met"), HasSubstr("1 of 6 sessions held"));
  bot.clock().Advance(std::chrono::hours(24 * 21));
  EXPECT_THAT(bot.Say(mentor, "met"), HasSubstr("2 of 6 sessions held"));
  EXPECT_THAT(bot.Say(mentee, "history"), HasSubstr("outside the calendar"));
}

TEST_F(SessionNotesTest, ReachingTheTargetIsCelebrated) {
  bot.Say(admin, "admin config set target_sessions 2");
  bot.Say(mentee, "met");
  bot.clock().Advance(std::chrono::hours(24 * 21));
  EXPECT_THAT(bot.Say(mentee, "met"), HasSubstr("That's the target"));
}

TEST_F(SessionNotesTest, TakeawaysByTheMenteeAfterASessionOnly) {
  EXPECT_THAT(bot.Say(mentee, "takeaways Too early"), HasSubstr("No session has been recorded yet"));
  bot.Say(mentee, "met");
  EXPECT_THAT(bot.Say(mentor, "takeaways Mine"), HasSubstr("The mentee writes the takeaways"));
  EXPECT_THAT(bot.Say(mentee, "takeaways Listen more in hiring panels."), HasSubstr("Only you and @UMENTOR can read them"));
  EXPECT_THAT(bot.Say(mentee, "takeaways Listen more; ask for data."), HasSubstr("Takeaways updated"));
  EXPECT_THAT(bot.Say(mentor, "takeaways"), HasSubstr("Listen more; ask for data."));
  EXPECT_THAT(QueuedTo(mentor), Contains(HasSubstr("wrote their takeaways")));
}

TEST_F(SessionNotesTest, HistoryShowsThePairsSessionsAgendasAndTakeaways) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  bot.Say(mentee, "agenda Promotions");
  bot.clock().Advance(std::chrono::hours(30));
  bot.Say(mentee, "met");
  bot.Say(mentee, "takeaways Promotion criteria are unclear to juniors.");
  for (const UserRef& member : {mentor, mentee}) {
    const std::string history = bot.Say(member, "history");
    EXPECT_THAT(history, HasSubstr("1 of 6 held"));
    EXPECT_THAT(history, HasSubstr("Agenda: Promotions"));
    EXPECT_THAT(history, HasSubstr("Takeaways: Promotion criteria are unclear"));
  }
}

TEST_F(SessionNotesTest, NoThirdPersonEverReadsAPairsAgendaOrTakeaways) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  bot.Say(mentee, "agenda SECRET-AGENDA");
  bot.clock().Advance(std::chrono::hours(30));
  bot.Say(mentee, "met");
  bot.Say(mentee, "takeaways SECRET-TAKEAWAYS");
  const UserRef other_mentee = EngineHarness::SlackUser("UOTHER");
  bot.Say(other_mentee, "join mentee");
  for (const UserRef& third : {outsider, other_mentee, admin}) {
    for (const char* command : {"history", "agenda", "takeaways", "status", "admin config show", "help"}) {
      const std::string reply = bot.Say(third, command);
      EXPECT_THAT(reply, Not(HasSubstr("SECRET"))) << third.user_id << " " << command;
    }
  }
  for (const auto& message : Queued()) {
    if (message.message.PlainText().find("SECRET") != std::string::npos) {
      EXPECT_EQ(message.to.user, mentor) << "only the pair's mentor is ever sent the agenda";
    }
  }
}

}  // namespace
}  // namespace mentorbot
