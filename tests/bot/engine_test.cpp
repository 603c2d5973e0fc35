// Transcript-style tests of the engine's first commands, per role and state.
#include "bot/engine/engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class EngineTest : public ::testing::Test {
 protected:
  EngineHarness bot;
  const UserRef alice = EngineHarness::SlackUser("UALICE");
  const UserRef bob = EngineHarness::SlackUser("UBOB");
  const UserRef admin = EngineHarness::SlackUser("UADMIN");
};

TEST_F(EngineTest, HelpForSomeoneNewExplainsTheProgramAndHowToJoin) {
  const std::string reply = bot.Say(alice, "help");
  EXPECT_THAT(reply, HasSubstr("reverse-mentoring"));
  EXPECT_THAT(reply, HasSubstr("/mentor join mentee"));
  EXPECT_THAT(reply, HasSubstr("/mentor join mentor|mentee"));
  EXPECT_THAT(reply, Not(HasSubstr("/mentor leave"))) << "leave is for enrolled people only";
  EXPECT_THAT(reply, Not(HasSubstr("/mentor profile")));
}

TEST_F(EngineTest, EmptyTextAndInstallAnswerWithHelp) {
  EXPECT_THAT(bot.Say(alice, ""), HasSubstr("Here's what you can do"));
  Event install;
  install.kind = EventKind::kInstall;
  install.from.user = alice;
  EXPECT_THAT(bot.engine().Handle(install).message.PlainText(), HasSubstr("join mentee"));
}

TEST_F(EngineTest, HelpAfterJoiningListsParticipantCommandsAndTheNextStep) {
  bot.Say(alice, "join mentee");
  const std::string reply = bot.Say(alice, "help");
  EXPECT_THAT(reply, HasSubstr("/mentor leave"));
  EXPECT_THAT(reply, HasSubstr("/mentor profile"));
  EXPECT_THAT(reply, Not(HasSubstr("/mentor join mentor|mentee")));
  EXPECT_THAT(reply, HasSubstr("Next step: complete your profile"));
  EXPECT_THAT(reply, HasSubstr("/mentor profile set department Finance"));
}

TEST_F(EngineTest, HelpWithCompleteProfileSaysSo) {
  bot.Say(alice, "join mentor");
  for (const char* line : {"profile set department Ops", "profile set level 2", "profile set manager none",
                           "profile set timezone UTC"}) {
    bot.Say(alice, line);
  }
  EXPECT_THAT(bot.Say(alice, "help"), HasSubstr("your profile is complete"));
}

TEST_F(EngineTest, JoinStoresTheRoleNameAndTimeAndAsksForMatchingFacts) {
  const std::string reply = bot.Send(alice, "join mentee", "Alice A.").message.PlainText();
  EXPECT_THAT(reply, HasSubstr("enrolled as a mentee"));
  EXPECT_THAT(reply, HasSubstr("profile set department"));
  EXPECT_THAT(reply, HasSubstr("profile set manager"));
  EXPECT_THAT(reply, HasSubstr("profile set timezone"));
  auto stored = bot.StoredPerson(alice);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->role, Role::kMentee);
  EXPECT_EQ(stored->display_name, "Alice A.");
  EXPECT_TRUE(stored->active());
  EXPECT_EQ(stored->joined_at, TestEpoch());
}

TEST_F(EngineTest, JoinWithoutOrWithABadRoleAsksWhichRoleAndStoresNothing) {
  EXPECT_THAT(bot.Say(alice, "join"), HasSubstr("which role"));
  EXPECT_THAT(bot.Say(alice, "join captain"), HasSubstr("/mentor join mentee"));
  EXPECT_FALSE(bot.StoredPerson(alice));
}

TEST_F(EngineTest, JoiningTwiceOrWithAnotherRoleIsExplained) {
  bot.Say(alice, "join mentee");
  EXPECT_THAT(bot.Say(alice, "join mentee"), HasSubstr("already enrolled as a mentee"));
  EXPECT_THAT(bot.Say(alice, "JOIN Mentor"), HasSubstr("/mentor leave"));
  EXPECT_EQ(bot.StoredPerson(alice)->role, Role::kMentee);
}

TEST_F(EngineTest, LeaveThenRejoinKeepsTheProfile) {
  bot.Say(alice, "join mentee");
  bot.Say(alice, "profile set department Finance");
  bot.clock().Advance(std::chrono::hours(24));
  EXPECT_THAT(bot.Say(alice, "leave"), HasSubstr("You've left the program"));
  auto left = bot.StoredPerson(alice);
  ASSERT_TRUE(left);
  EXPECT_FALSE(left->active());
  EXPECT_EQ(left->left_at, TestEpoch() + std::chrono::hours(24));
  EXPECT_THAT(bot.Say(alice, "status"), HasSubstr("you left on 2026-11-24"));
  EXPECT_THAT(bot.Say(alice, "leave"), HasSubstr("enrolled in the program first"));

  EXPECT_THAT(bot.Say(alice, "join mentor"), HasSubstr("enrolled as a mentor"));
  auto back = bot.StoredPerson(alice);
  EXPECT_TRUE(back->active());
  EXPECT_FALSE(back->left_at);
  EXPECT_EQ(back->role, Role::kMentor);
  EXPECT_EQ(back->profile.department, "Finance");
  EXPECT_EQ(back->id, left->id);
}

TEST_F(EngineTest, ProfileCommandsNeedEnrolment) {
  EXPECT_THAT(bot.Say(alice, "profile"), HasSubstr("enrolled in the program first"));
  EXPECT_THAT(bot.Say(alice, "profile set department Finance"), HasSubstr("/mentor join mentee"));
  EXPECT_FALSE(bot.StoredPerson(alice));
}

TEST_F(EngineTest, ProfileSetShowsAndStoresEachField) {
  bot.Say(alice, "join mentee");
  EXPECT_THAT(bot.Say(alice, "profile set department Human Resources"), HasSubstr("department is now Human Resources"));
  EXPECT_THAT(bot.Say(alice, "profile set level L8"), HasSubstr("level is now 8"));
  EXPECT_THAT(bot.Say(alice, "profile set manager <@UBOSS|boss>"), HasSubstr("manager is now @UBOSS"));
  EXPECT_THAT(bot.Say(alice, "profile set tz america/new_york"), HasSubstr("America/New_York"));
  EXPECT_THAT(bot.Say(alice, "profile set location Lisbon"), HasSubstr("everything matching needs"));
  auto stored = bot.StoredPerson(alice);
  EXPECT_EQ(stored->profile.department, "Human Resources");
  EXPECT_EQ(stored->profile.level, 8);
  EXPECT_EQ(stored->profile.manager, "slack:T1:UBOSS");
  EXPECT_EQ(stored->profile.time_zone, "America/New_York");
  EXPECT_EQ(stored->profile.location, "Lisbon");

  const std::string shown = bot.Say(alice, "profile");
  EXPECT_THAT(shown, HasSubstr("department: Human Resources"));
  EXPECT_THAT(shown, HasSubstr("level: 8"));
  EXPECT_THAT(shown, HasSubstr("timezone: America/New_York"));
}

TEST_F(EngineTest, BackgroundIsStoredButNeverShown) {
  bot.Say(alice, "join mentor");
  const std::string saved = bot.Say(alice, "profile set background first-generation graduate");
  EXPECT_THAT(saved, Not(HasSubstr("first-generation")));
  EXPECT_THAT(saved, HasSubstr("never shown"));
  const std::string shown = bot.Say(alice, "profile");
  EXPECT_THAT(shown, Not(HasSubstr("first-generation")));
  EXPECT_THAT(shown, HasSubstr("background: set (private"));
  EXPECT_EQ(bot.StoredPerson(alice)->profile.background, "first-generation graduate");
}

TEST_F(EngineTest, BadProfileInputGetsAHelpfulReplyAndChangesNothing) {
  bot.Say(alice, "join mentee");
  bot.Say(alice, "profile set level 5");
  EXPECT_THAT(bot.Say(alice, "profile set level 500"), HasSubstr("whole number from 1 to 99"));
  EXPECT_THAT(bot.Say(alice, "profile set timezone Mars/Base"), HasSubstr("not a time zone I know"));
  EXPECT_THAT(bot.Say(alice, "profile set salary 1000000"), HasSubstr("There is no profile field"));
  EXPECT_THAT(bot.Say(alice, "profile set"), HasSubstr("Which field?"));
  EXPECT_THAT(bot.Say(alice, "profile set department"), HasSubstr("give a value"));
  EXPECT_THAT(bot.Say(alice, "profile frobnicate"), HasSubstr("/mentor profile set department Finance"));
  auto stored = bot.StoredPerson(alice);
  EXPECT_EQ(stored->profile.level, 5);
  EXPECT_TRUE(stored->profile.time_zone.empty());
  EXPECT_TRUE(stored->profile.department.empty());
}

TEST_F(EngineTest, ProfileClearEmptiesAField) {
  bot.Say(alice, "join mentee");
  bot.Say(alice, "profile set location Lisbon");
  EXPECT_THAT(bot.Say(alice, "profile clear location"), HasSubstr("location is now empty"));
  EXPECT_TRUE(bot.StoredPerson(alice)->profile.location.empty());
}

TEST_F(EngineTest, StatusForEachState) {
  EXPECT_THAT(bot.Say(alice, "status"), HasSubstr("not enrolled"));
  bot.Say(alice, "join mentee");
  std::string status = bot.Say(alice, "status");
  EXPECT_THAT(status, HasSubstr("enrolled as a mentee since 2026-11-23 09:00 UTC"));
  EXPECT_THAT(status, HasSubstr("not paired yet"));
  EXPECT_THAT(status, HasSubstr("Waiting on you: complete your profile: /mentor profile set department Finance"));
  bot.Say(alice, "profile set timezone Asia/Kolkata");
  EXPECT_THAT(bot.Say(alice, "status"), HasSubstr("since 2026-11-23 14:30 IST")) << "shown in the reader's zone";
  for (const char* line : {"profile set department Ops", "profile set level 9", "profile set manager none"}) {
    bot.Say(alice, line);
  }
  EXPECT_THAT(bot.Say(alice, "status"), HasSubstr("Waiting on you: nothing"));
}

TEST_F(EngineTest, StatusUsesTheProgramDefaultZoneWhenTheUserHasNone) {
  ProgramSettings settings = EngineHarness::DefaultSettings();
  settings.default_time_zone = "Europe/Berlin";
  EngineHarness berlin(settings);
  berlin.Say(alice, "join mentor");
  EXPECT_THAT(berlin.Say(alice, "status"), HasSubstr("since 2026-11-23 10:00 CET"));
}

TEST_F(EngineTest, UnknownVerbSuggestsTheNearestAndListsWhatWorks) {
  const std::string reply = bot.Say(alice, "staus");
  EXPECT_THAT(reply, HasSubstr("I don't know the command staus"));
  EXPECT_THAT(reply, HasSubstr("Did you mean status?"));
  EXPECT_THAT(reply, HasSubstr("/mentor join mentor|mentee"));
  EXPECT_THAT(bot.Say(alice, "xyzzy"), Not(HasSubstr("Did you mean")));
}

TEST_F(EngineTest, PeopleAreSeparateAcrossWorkspacesAndPlatforms) {
  bot.Say(alice, "join mentee");
  const UserRef same_id_other_team{Platform::kSlack, "T2", "UALICE"};
  const UserRef same_id_console{Platform::kConsole, "local", "UALICE"};
  EXPECT_THAT(bot.Say(same_id_other_team, "status"), HasSubstr("not enrolled"));
  EXPECT_THAT(bot.Say(same_id_console, "status"), HasSubstr("not enrolled"));
}

TEST_F(EngineTest, CommandsAreTypedThePlatformsWay) {
  const UserRef console_user{Platform::kConsole, "local", "carol"};
  const std::string reply = bot.Say(console_user, "help");
  EXPECT_THAT(reply, HasSubstr("type join mentee"));
  EXPECT_THAT(reply, Not(HasSubstr("/mentor")));
}

TEST_F(EngineTest, AButtonPressIsTheCommandItCarries) {
  Event press;
  press.kind = EventKind::kAction;
  press.from.user = alice;
  press.action_id = "join";
  press.action_value = "mentor";
  EXPECT_THAT(bot.engine().Handle(press).message.PlainText(), HasSubstr("enrolled as a mentor"));
}

TEST_F(EngineTest, ADatabaseFailureAnswersTryAgainAndLosesNothingAcknowledged) {
  bot.Say(alice, "join mentee");
  // Make the database refuse writes: another connection holds the write lock
  // longer than the store's busy timeout.
  SQLite::Database blocker(bot.database_path(), SQLite::OPEN_READWRITE);
  blocker.exec("PRAGMA busy_timeout = 0");
  blocker.exec("BEGIN EXCLUSIVE");
  const std::string reply = bot.Say(alice, "profile set department Finance");
  blocker.exec("ROLLBACK");
  EXPECT_THAT(reply, HasSubstr("try again"));
  EXPECT_THAT(reply, HasSubstr("Nothing was changed"));
  auto stored = bot.StoredPerson(alice);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->profile.department.empty());
  EXPECT_THAT(bot.Say(alice, "profile set department Finance"), HasSubstr("department is now Finance"));
}

}  // namespace
}  // namespace mentorbot
