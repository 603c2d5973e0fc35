// offlimits, rules, feedback, pause/resume, leave and forget-me.
#include "tests/bot/program_fixture.h"

namespace mentorbot {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

using PairTermsTest = ProgramTest;

TEST_F(PairTermsTest, OffLimitsTopicsPerPairCaseInsensitive) {
  EXPECT_THAT(bot.Say(mentor, "offlimits"), HasSubstr("no off-limits topics"));
  EXPECT_THAT(bot.Say(mentee, "offlimits add Compensation"), HasSubstr("I've told @UMENTOR"));
  EXPECT_THAT(bot.Say(mentor, "offlimits add compensation"), HasSubstr("already off-limits"));
  bot.Say(mentor, "offlimits add The reorg");
  EXPECT_THAT(bot.Say(mentee, "offlimits list"), AllOf(HasSubstr("Compensation"), HasSubstr("The reorg")));
  EXPECT_THAT(bot.Say(mentee, "offlimits remove THE REORG"), HasSubstr("Removed"));
  EXPECT_THAT(bot.Say(mentee, "offlimits remove nothing"), HasSubstr("wasn't on the list"));
  EXPECT_THAT(bot.Say(mentee, "offlimits add"), HasSubstr("Which topic?"));
  EXPECT_THAT(bot.Say(mentee, "offlimits shout x"), HasSubstr("offlimits add <topic>"));
  EXPECT_THAT(QueuedTo(mentor), Contains(HasSubstr("added an off-limits topic: Compensation")));
  EXPECT_THAT(QueuedTo(mentee), Contains(HasSubstr("added an off-limits topic: The reorg")));
  EXPECT_THAT(bot.Say(outsider, "offlimits list"), HasSubstr("enrolled in the program first"));
}

TEST_F(PairTermsTest, GroundRulesAreShownAndAcceptedOnceByEach) {
  EXPECT_THAT(bot.Say(outsider, "rules"), HasSubstr("stays in the pair"));
  EXPECT_THAT(bot.Say(mentee, "status"), HasSubstr("accept the ground rules"));
  EXPECT_THAT(bot.Say(mentee, "rules"), HasSubstr("Please accept them"));
  EXPECT_THAT(bot.Say(mentee, "rules accept"), AllOf(HasSubstr("accepted"), Not(HasSubstr("You both have"))));
  EXPECT_THAT(bot.Say(mentee, "rules accept"), HasSubstr("already accepted"));
  EXPECT_THAT(bot.Say(mentor, "rules accept"), HasSubstr("You both have"));
  EXPECT_THAT(bot.Say(mentee, "status"), Not(HasSubstr("accept the ground rules")));
  bot.Say(admin, "admin config set ground_rules Be kind. Be curious.");
  EXPECT_THAT(bot.Say(mentee, "rules"), HasSubstr("Be kind. Be curious."));
}

TEST_F(PairTermsTest, FeedbackRatesTheLastHeldSession) {
  EXPECT_THAT(bot.Say(mentor, "feedback 4"), HasSubstr("No session has been recorded yet"));
  bot.Say(mentee, "met");
  for (const char* bad : {"feedback", "feedback 0", "feedback 6", "feedback great", "feedback 4.5"}) {
    EXPECT_THAT(bot.Say(mentor, bad), HasSubstr("from 1 (poor) to 5"));
  }
  EXPECT_THAT(bot.Say(mentor, "feedback 4 good talk"), HasSubstr("4/5"));
  EXPECT_THAT(bot.Say(mentor, "feedback 5 even better on reflection"), AllOf(HasSubstr("5/5"), Not(HasSubstr("4/5"))));
  bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
    auto person = tx.people().Find(mentor);
    auto pair = tx.pairs().OpenPairOf(person->id);
    auto feedback = tx.sessions().FindFeedback(tx.sessions().LastHeld(pair->id)->id, person->id);
    ASSERT_TRUE(feedback);
    EXPECT_EQ(feedback->rating, 5);
    EXPECT_EQ(feedback->comment, "even better on reflection");
  });
}

TEST_F(PairTermsTest, PauseCancelsTheOpenSessionAndBlocksSchedulingUntilResumed) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(bot.Say(mentee, "pause 0"), HasSubstr("From 1 to 60"));
  EXPECT_THAT(bot.Say(mentee, "pause 61"), HasSubstr("From 1 to 60"));
  EXPECT_THAT(bot.Say(mentor, "pause 14"), HasSubstr("Paused until 2026-12-07"));
  EXPECT_FALSE(OpenSession());
  EXPECT_THAT(QueuedTo(mentee), Contains(HasSubstr("paused your pairing")));
  EXPECT_THAT(bot.Say(mentee, "schedule tomorrow 15:00"), HasSubstr("paused until"));
  EXPECT_THAT(bot.Say(mentee, "status"), HasSubstr("paused until"));
  EXPECT_THAT(bot.Say(mentee, "resume"), HasSubstr("active again"));
  EXPECT_THAT(bot.Say(mentee, "resume"), HasSubstr("isn't paused"));
  EXPECT_THAT(bot.Say(mentee, "schedule tomorrow 15:00"), HasSubstr("Proposed"));
}

TEST_F(PairTermsTest, APauseThatRanOutNoLongerBlocks) {
  bot.Say(mentor, "pause 3");
  bot.clock().Advance(std::chrono::hours(24 * 3 + 1));
  EXPECT_THAT(bot.Say(mentee, "schedule tomorrow 15:00"), HasSubstr("Proposed"));
}

TEST_F(PairTermsTest, LeavingEndsThePairingAndTellsThePartner) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(bot.Say(mentor, "leave"), HasSubstr("Your pairing with @UMENTEE has ended"));
  EXPECT_FALSE(OpenSession());
  EXPECT_THAT(QueuedTo(mentee), Contains(HasSubstr("the mentor left the program")));
  EXPECT_THAT(QueuedTo(mentor), Not(Contains(HasSubstr("has ended")))) << "the leaver got the reply instead";
  EXPECT_THAT(bot.Say(mentee, "status"), HasSubstr("not paired yet"));
}

TEST_F(PairTermsTest, ForgetMeAsksFirstThenErasesEverythingPersonal) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  bot.Say(mentee, "agenda PRIVATE-AGENDA");
  bot.Say(mentee, "offlimits add PRIVATE-TOPIC");
  bot.Say(mentee, "profile set background PRIVATE-BACKGROUND");
  bot.clock().Advance(std::chrono::hours(30));
  bot.Say(mentee, "met");
  bot.Say(mentee, "takeaways PRIVATE-TAKEAWAYS");
  bot.Say(mentee, "feedback 5 PRIVATE-COMMENT");
  bot.Say(admin, "admin announce hello all");  // queues a message to the mentee

  EXPECT_THAT(bot.Say(mentee, "forget-me"), HasSubstr("forget-me confirm"));
  ASSERT_TRUE(bot.StoredPerson(mentee)) << "nothing erased before the confirmation";
  const std::string done = bot.Say(mentee, "forget-me confirm");
  EXPECT_THAT(done, HasSubstr("agendas and takeaways of 1 session,"));
  EXPECT_THAT(done, HasSubstr("1 feedback comment,"));
  EXPECT_THAT(done, HasSubstr("1 off-limits topic,"));
  EXPECT_THAT(done, HasSubstr("2 queued messages"));
  EXPECT_FALSE(bot.StoredPerson(mentee)) << "the identity is gone";
  EXPECT_THAT(bot.Say(mentee, "status"), HasSubstr("not enrolled"));
  EXPECT_THAT(bot.Say(mentor, "history"), HasSubstr("not paired yet"));
  EXPECT_THAT(QueuedTo(mentee), IsEmpty());

  SQLite::Database db(bot.database_path());
  SQLite::Statement everything(db, "SELECT group_concat(agenda || takeaways) FROM sessions");
  everything.executeStep();
  EXPECT_EQ(everything.getColumn(0).getString().find("PRIVATE"), std::string::npos);
  SQLite::Statement people(db, "SELECT group_concat(display_name || user_id || background || department) FROM people");
  people.executeStep();
  EXPECT_EQ(people.getColumn(0).getString().find("UMENTEE"), std::string::npos);
  EXPECT_EQ(people.getColumn(0).getString().find("PRIVATE"), std::string::npos);
  SQLite::Statement terms(db, "SELECT COUNT(*) FROM off_limits");
  terms.executeStep();
  EXPECT_EQ(terms.getColumn(0).getInt(), 0);
  SQLite::Statement comments(db, "SELECT group_concat(comment) FROM feedback");
  comments.executeStep();
  EXPECT_EQ(comments.getColumn(0).getString().find("PRIVATE"), std::string::npos);
}

TEST_F(PairTermsTest, ForgetMeWithNoDataSaysSo) {
  EXPECT_THAT(bot.Say(outsider, "forget-me confirm"), HasSubstr("no personal data"));
}

}  // namespace
}  // namespace mentorbot
