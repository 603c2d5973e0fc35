// The scheduler driven through a real program with the fake clock: what it
// queues, when (in each recipient's zone, outside quiet hours), and that a
// repeated or concurrent tick never queues anything twice.
#include "bot/engine/scheduling/scheduler.h"

#include <thread>

#include "tests/bot/program_fixture.h"

namespace mentorbot {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using std::chrono::hours;
using std::chrono::minutes;

class SchedulerTest : public ProgramTest {
 protected:
  // A tick's report with the weekly digests set aside in `digests`.
  TickReport Tick() {
    auto report = scheduler.Tick(bot.clock().Now());
    EXPECT_TRUE(report.ok()) << report.status().message();
    if (!report.ok()) return TickReport{};
    TickReport pairs = std::move(report).value();
    digests.clear();
    std::erase_if(pairs.queued, [&](const TickReport::Item& item) {
      if (item.key.rfind("digest:", 0) != 0) return false;
      digests.push_back(item);
      return true;
    });
    return pairs;
  }
  // Keys (without the recipient part) of what a tick queued.
  static std::vector<std::string> Kinds(const TickReport& report) {
    std::vector<std::string> kinds;
    for (const auto& item : report.queued) kinds.push_back(item.key);
    return kinds;
  }
  static const TickReport::Item* Find(const TickReport& report, const std::string& part, const UserRef& to) {
    for (const auto& item : report.queued) {
      if (item.key.find(part) != std::string::npos && item.to == to) return &item;
    }
    return nullptr;
  }
  void AcceptRulesAndSchedule(const std::string& when) {
    bot.Say(mentor, "rules accept");
    bot.Say(mentee, "rules accept");
    bot.Say(mentee, "schedule " + when);
    bot.Say(mentor, "confirm");
  }

  Scheduler scheduler{bot.store(), EngineHarness::DefaultSettings()};
  std::vector<TickReport::Item> digests;
};

TEST_F(SchedulerTest, OnlyTheOpeningPulseSurveyIsDueRightAfterPairing) {
  auto report = Tick();
  ASSERT_EQ(report.queued.size(), 2u) << ::testing::PrintToString(Kinds(report));
  for (const auto& item : report.queued) EXPECT_NE(item.key.find(":pulse:pre:"), std::string::npos) << item.key;
  EXPECT_TRUE(Tick().queued.empty()) << "each once";
  ASSERT_TRUE(report.next_due);
  EXPECT_EQ(*report.next_due, TestEpoch() + std::chrono::days(28)) << "the first stall nudge: cadence 21 + grace 7";
}

TEST_F(SchedulerTest, RemindersCarryAgendaOffLimitsAndPreviousTakeaways) {
  bot.Say(mentee, "met");
  bot.Say(mentee, "takeaways Ask juniors before deciding.");
  bot.Say(mentee, "offlimits add Salaries");
  bot.clock().Advance(hours(24 * 20));  // Sunday 2026-12-13
  AcceptRulesAndSchedule("2026-12-16 15:00");  // Wednesday, Berlin
  bot.Say(mentee, "agenda Promotion criteria");
  bot.clock().Set(TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 12 / 15)) + hours(14));  // Tue 15:00 Berlin
  auto report = Tick();
  const auto* reminder = Find(report, ":reminder:24:", mentor);
  ASSERT_TRUE(reminder) << ::testing::PrintToString(Kinds(report));
  const std::string text = reminder->message.PlainText();
  EXPECT_THAT(text, AllOf(HasSubstr("Promotion criteria"), HasSubstr("Salaries"), HasSubstr("Ask juniors before deciding.")));
  EXPECT_TRUE(Find(report, ":reminder:24:", mentee));
  EXPECT_TRUE(Tick().queued.empty()) << "a repeated tick queues nothing";
  bot.clock().Advance(hours(23));
  auto last = Tick();
  EXPECT_TRUE(Find(last, ":reminder:1:", mentor));
  EXPECT_TRUE(Find(last, ":reminder:1:", mentee));
}

TEST_F(SchedulerTest, TheAgendaNudgeGoesOnlyWhenThereIsNoAgenda) {
  AcceptRulesAndSchedule("2026-11-27 10:00");  // Friday 10:00 Berlin = 09:00 UTC
  bot.clock().Set(TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 11 / 25)) + hours(9));  // 48 h before
  auto report = Tick();
  const auto* nudge = Find(report, ":agenda-nudge:", mentee);
  ASSERT_TRUE(nudge);
  EXPECT_THAT(nudge->message.PlainText(), HasSubstr("has no agenda yet"));
  EXPECT_FALSE(Find(report, ":agenda-nudge:", mentor));
}

TEST_F(SchedulerTest, QuietHoursHoldMessagesUntilTheRecipientsMorning) {
  AcceptRulesAndSchedule("2026-11-26 20:30");  // Thursday 20:30 Berlin = 19:30 UTC
  bot.clock().Set(TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 11 / 25)) + hours(19) + minutes(30));
  auto day_before = Tick();  // Wednesday 20:30 Berlin: quiet for the mentee, 19:30 for the UTC mentor
  const auto* mentee_reminder = Find(day_before, ":reminder:24:", mentee);
  const auto* mentor_reminder = Find(day_before, ":reminder:24:", mentor);
  ASSERT_TRUE(mentee_reminder && mentor_reminder);
  EXPECT_EQ(mentee_reminder->send_at, TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 11 / 26)) + hours(7))
      << "08:00 Berlin the next morning";
  EXPECT_EQ(mentor_reminder->send_at, bot.clock().Now()) << "19:30 in the mentor's UTC is not quiet";
  bot.clock().Advance(hours(23));  // Thursday 19:30 Berlin, one hour before
  auto hour_before = Tick();
  const auto* last = Find(hour_before, ":reminder:1:", mentee);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->send_at, bot.clock().Now()) << "the 1 h reminder of a session booked in quiet hours still goes";
}

TEST_F(SchedulerTest, AfterDowntimeARemindersForAStartedSessionIsDroppedNotSentLate) {
  AcceptRulesAndSchedule("tomorrow 15:00");
  bot.clock().Advance(hours(40));  // the bot was down through the whole session
  auto report = Tick();
  EXPECT_FALSE(Find(report, ":reminder:", mentor));
  EXPECT_GE(report.expired, 4);
  EXPECT_TRUE(Find(report, ":checkin:", mentor)) << "the check-in still makes sense";
}

TEST_F(SchedulerTest, CheckInTakeawaysNudgesAndFeedbackPromptAfterTheSession) {
  AcceptRulesAndSchedule("tomorrow 10:00");  // Tuesday 09:00 UTC
  bot.clock().Advance(hours(24) + minutes(45));
  auto after = Tick();
  EXPECT_TRUE(Find(after, ":checkin:", mentor));
  EXPECT_TRUE(Find(after, ":checkin:", mentee));
  EXPECT_EQ(Find(after, ":checkin:", mentee)->message.sections.back().buttons[0].action_id, "met");
  bot.Say(mentor, "met");
  bot.clock().Advance(hours(3));
  auto later = Tick();
  EXPECT_TRUE(Find(later, ":takeaways-nudge:1", mentee));
  EXPECT_TRUE(Find(later, ":feedback-prompt:", mentor));
  bot.Say(mentor, "feedback 5");
  bot.clock().Advance(hours(24 * 2));
  auto second = Tick();
  EXPECT_TRUE(Find(second, ":takeaways-nudge:2", mentee));
  bot.Say(mentee, "takeaways Done.");
  bot.clock().Advance(hours(24 * 5));
  for (const auto& item : Tick().queued) EXPECT_EQ(item.key.find("takeaways-nudge"), std::string::npos);
}

TEST_F(SchedulerTest, AStalledPairIsNudgedWeeklyThenTheAdminsAreTold) {
  bot.clock().Advance(hours(24 * 28));
  auto first = Tick();
  EXPECT_TRUE(Find(first, ":stall:", mentor));
  EXPECT_TRUE(Find(first, ":stall:", mentee));
  bot.clock().Advance(hours(24 * 7));
  EXPECT_EQ(Tick().queued.size(), 2u) << "the second nudge";
  bot.clock().Advance(hours(24 * 7));
  auto escalation = Tick();
  ASSERT_TRUE(Find(escalation, ":escalation", admin));
  EXPECT_THAT(Find(escalation, ":escalation", admin)->message.PlainText(), HasSubstr("despite 2 nudges"));
  bot.clock().Advance(hours(24 * 30));
  EXPECT_TRUE(Tick().queued.empty()) << "one escalation, not one a week";
}

TEST_F(SchedulerTest, ThePairSchedulingStopsTheNudges) {
  bot.clock().Advance(hours(24 * 28));
  Tick();
  bot.Say(mentee, "schedule tomorrow 15:00");
  bot.clock().Advance(hours(24 * 14));
  for (const auto& item : Tick().queued) EXPECT_EQ(item.key.find(":stall:"), std::string::npos);
}

TEST_F(SchedulerTest, APausedPairHearsNothing) {
  bot.Say(mentee, "pause 60");
  bot.clock().Advance(hours(24 * 50));
  EXPECT_TRUE(Tick().queued.empty());
}

TEST_F(SchedulerTest, TheMilestoneIsCelebratedOnce) {
  bot.Say(admin, "admin config set target_sessions 1");
  bot.Say(mentee, "met");
  auto report = Tick();
  EXPECT_TRUE(Find(report, ":milestone:", mentor));
  EXPECT_TRUE(Find(report, ":milestone:", mentee));
  EXPECT_TRUE(Tick().queued.empty());
}

TEST_F(SchedulerTest, TheWeeklyDigestGoesToTheAdminsOnMondayMorningWithFigures) {
  bot.Say(mentee, "met");
  bot.Say(mentee, "takeaways Noted.");
  bot.clock().Advance(hours(24 * 7));  // the next Monday 09:00
  Tick();
  ASSERT_EQ(digests.size(), 1u);
  EXPECT_EQ(digests[0].to, admin);
  EXPECT_EQ(digests[0].send_at, bot.clock().Now());
  const std::string text = digests[0].message.PlainText();
  EXPECT_THAT(text, AllOf(HasSubstr("Pairs on track: 1 of 1"), HasSubstr("Sessions held: 1"), HasSubstr("Takeaways written: 1"),
                          HasSubstr("Pairs stalled: 0")));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("Noted."))) << "figures only";
  bot.clock().Advance(hours(30));
  Tick();
  EXPECT_TRUE(digests.empty()) << "one digest a week";
  bot.Say(admin, "admin config set admin_channel C0ADMINS");
  bot.clock().Advance(hours(24 * 6));
  Tick();
  ASSERT_EQ(digests.size(), 1u);
  EXPECT_EQ(digests[0].conversation, "C0ADMINS");
}

TEST_F(SchedulerTest, ADryRunQueuesNothing) {
  bot.clock().Advance(hours(24 * 28));
  auto preview = scheduler.Tick(bot.clock().Now(), /*dry_run=*/true);
  ASSERT_TRUE(preview.ok());
  EXPECT_EQ(preview->queued.size(), 3u) << "two stall nudges and the weekly digest";
  EXPECT_EQ(Tick().queued.size(), 2u) << "the real tick still queues them";
}

TEST_F(SchedulerTest, TwoSchedulersTickingOneDatabaseQueueEachMessageOnce) {
  auto other_store = SqliteStore::Open(bot.database_path());
  ASSERT_TRUE(other_store.ok());
  Scheduler other(**other_store, EngineHarness::DefaultSettings());
  bot.clock().Advance(hours(24 * 28));
  StatusOr<TickReport> a = Status::Internal("not run"), b = Status::Internal("not run");
  std::thread first([&] { a = scheduler.Tick(bot.clock().Now()); });
  std::thread second([&] { b = other.Tick(bot.clock().Now()); });
  first.join();
  second.join();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->queued.size() + b->queued.size(), 3u);
  int pending = 0;
  bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { pending = tx.outbox().Counts().pending; });
  EXPECT_EQ(pending, 5) << "two kickoffs, one stall nudge each, one digest";
}

}  // namespace
}  // namespace mentorbot
