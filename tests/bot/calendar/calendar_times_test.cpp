// Suggested times read from calendars: `schedule` without a time queues a
// request the calendar worker answers with three times both people are
// free in their calendars (and inside working hours), or, when the service
// cannot be read, times from working hours that say so.
#include <gmock/gmock.h>

#include <algorithm>

#include "bot/engine/calendar/time_request_work.h"
#include "tests/bot/calendar/calendar_service_fixture.h"

namespace mentorbot {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// Mentor in UTC, mentee in Berlin; now is Monday 2026-11-23 09:00 UTC
// (10:00 CET). Without calendars the times are Mon 11:00, Tue 10:00 and
// Wed 10:00 CET.
class CalendarTimesTest : public CalendarServiceTest {
 protected:
  static TimePoint Utc(int day, int hour, int minute = 0) {
    return TestEpoch() + std::chrono::days(day - 23) + std::chrono::hours(hour - 9) + std::chrono::minutes(minute);
  }

  // The answer the worker queued to the mentee; fails the test unless one.
  Message Answer() {
    auto answers = QueuedWithPrefix("times:");
    EXPECT_THAT(answers, SizeIs(1));
    if (answers.empty()) return Message{};
    EXPECT_EQ(answers[0].to.user, mentee);
    return answers[0].message;
  }

  static std::vector<std::string> Labels(const Message& message) {
    std::vector<std::string> labels;
    if (message.sections.empty()) return labels;
    for (const auto& button : message.sections.front().buttons) labels.push_back(button.label);
    return labels;
  }

  int FreeBusyCalls() const {
    return static_cast<int>(std::count_if(service.calls().begin(), service.calls().end(),
                                          [](const auto& call) { return call.kind == "freebusy"; }));
  }

  std::optional<TimePoint> NextRequestAt() {
    std::optional<TimePoint> next;
    EXPECT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
      next = tx.calendar().NextTimeRequestAt();
    }).ok());
    return next;
  }
};

TEST_F(CalendarTimesTest, TheCommandRepliesAtOnceAndTheTimesFollowFromBothCalendars) {
  service.SetBusy("grace@example.com", {{Utc(23, 0), Utc(24, 0)}});          // all of Monday
  service.SetBusy("ada@example.com", {{Utc(24, 9), Utc(24, 10)}});           // Tue 10:00-11:00 CET
  const Reply reply = bot.Send(mentee, "schedule");
  EXPECT_THAT(reply.message.PlainText(), HasSubstr("Looking in your and"));
  EXPECT_TRUE(reply.message.sections.front().buttons.empty());
  EXPECT_EQ(FreeBusyCalls(), 0) << "the command never calls the service";
  EXPECT_THAT(QueuedWithPrefix("times:"), IsEmpty());

  EXPECT_EQ(worker.WorkDue(), 1);
  ASSERT_THAT(service.calls(), SizeIs(1));
  EXPECT_EQ(service.calls()[0].mailbox, "grace@example.com") << "read with the mentee's rights";
  const Message answer = Answer();
  EXPECT_THAT(Labels(answer), ElementsAre("Tue 24 Nov 11:00 CET", "Wed 25 Nov 10:00 CET", "Thu 26 Nov 10:00 CET"));
  EXPECT_EQ(answer.sections.front().buttons[0].action_id, "schedule");
  EXPECT_EQ(answer.sections.front().buttons[0].value, "2026-11-24 11:00");
  EXPECT_THAT(answer.PlainText(), AllOf(HasSubstr("both free then in your calendars"), HasSubstr("working hours")));
  EXPECT_FALSE(NextRequestAt()) << "answered requests are erased";
  EXPECT_EQ(worker.WorkDue(), 0);
  EXPECT_EQ(worker.totals().times_sent, 1u);

  // Picking one proposes it to the mentor, as typing it does.
  EXPECT_THAT(bot.Say(mentee, "schedule " + answer.sections.front().buttons[0].value), HasSubstr("Proposed"));
  EXPECT_EQ(OpenSession()->starts_at, Utc(24, 10));
}

TEST_F(CalendarTimesTest, AMentorCalendarThatCannotBeReadIsSaid) {
  service.SetBusy("grace@example.com", {});  // readable, all free; the mentor's is not in the answer
  bot.Say(mentee, "schedule");
  worker.WorkDue();
  const Message answer = Answer();
  EXPECT_THAT(Labels(answer), SizeIs(3));
  EXPECT_THAT(answer.PlainText(), HasSubstr("free in your calendar; I can't see"));
}

TEST_F(CalendarTimesTest, FullyBookedWeeksGetAPlainNoCommonFreeTime) {
  service.SetBusy("grace@example.com", {{Utc(23, 0), Utc(23, 0) + std::chrono::days(30)}});
  service.SetBusy("ada@example.com", {});
  bot.Say(mentee, "schedule");
  worker.WorkDue();
  const Message answer = Answer();
  EXPECT_THAT(Labels(answer), IsEmpty());
  EXPECT_THAT(answer.PlainText(), AllOf(HasSubstr("I found no time in the next 21 days"),
                                        HasSubstr("fully booked"), HasSubstr("schedule <when>")));
  EXPECT_EQ(answer.summary, "No common free time found");
}

TEST_F(CalendarTimesTest, AnOutageIsTriedBrieflyThenTheTimesComeFromWorkingHours) {
  service.FailNext(CalendarCallStatus::Retry("503"), 5);
  bot.Say(mentee, "reschedule");  // nothing to move yet: refused, nothing queued
  EXPECT_FALSE(NextRequestAt());
  bot.Say(mentee, "schedule");
  worker.WorkDue();
  EXPECT_THAT(QueuedWithPrefix("times:"), IsEmpty()) << "the first failure is tried again";
  for (int round = 0; round < 5 && NextRequestAt(); ++round) {
    bot.clock().Advance(*NextRequestAt() - bot.clock().Now());
    worker.WorkDue();
  }
  EXPECT_EQ(FreeBusyCalls(), kTimeRequestAttempts);
  EXPECT_LT(bot.clock().Now() - TestEpoch(), std::chrono::minutes(1)) << "the person is waiting";
  const Message answer = Answer();
  // Working hours only; the retries' seconds pushed Monday's first free half hour on.
  EXPECT_THAT(Labels(answer), ElementsAre("Mon 23 Nov 11:30 CET", "Tue 24 Nov 10:00 CET", "Wed 25 Nov 10:00 CET"));
  EXPECT_THAT(answer.PlainText(), HasSubstr("could not read your calendars"));
}

TEST_F(CalendarTimesTest, ARefusalOrALongRetryAfterFallsBackAtOnce) {
  service.FailNext(CalendarCallStatus::Permanent("403"));
  bot.Say(mentee, "schedule");
  worker.WorkDue();
  EXPECT_THAT(Answer().PlainText(), HasSubstr("could not read your calendars"));

  service.FailNext(CalendarCallStatus::Retry("429", std::chrono::minutes(10)));
  bot.clock().Advance(std::chrono::minutes(1));  // a new request: a new answer key
  bot.Say(mentee, "schedule");
  worker.WorkDue();
  EXPECT_THAT(QueuedWithPrefix("times:"), SizeIs(2));
  EXPECT_EQ(FreeBusyCalls(), 2);
}

TEST_F(CalendarTimesTest, APairThatEndedBeforeTheAnswerGetsNone) {
  bot.Say(mentee, "schedule");
  ASSERT_THAT(bot.Say(admin, "admin unpair <@UMENTOR>"), HasSubstr("nded"));
  worker.WorkDue();
  EXPECT_EQ(FreeBusyCalls(), 0);
  EXPECT_THAT(QueuedWithPrefix("times:"), IsEmpty());
  EXPECT_FALSE(NextRequestAt());
}

TEST_F(CalendarTimesTest, WorkspacesWithoutAServiceGetWorkingHoursTimesAtOnce) {
  bot.Say(mentee, "profile clear email");
  const Reply reply = bot.Send(mentee, "schedule");
  EXPECT_THAT(reply.message.sections.front().buttons, SizeIs(3)) << "no email: no calendar to read";
  EXPECT_THAT(reply.message.PlainText(), HasSubstr("can't see your calendars"));
  EXPECT_FALSE(NextRequestAt());
}

TEST_F(CalendarTimesTest, AskingAgainWhileTheServiceAnswersGetsTheNewerAnswerOnly) {
  service.SetBusy("grace@example.com", {});
  service.SetBusy("ada@example.com", {});
  bot.Say(mentee, "schedule");
  bool asked_again = false;
  service.during_freebusy = [&] {
    if (asked_again) return;
    asked_again = true;
    bot.clock().Advance(std::chrono::seconds(30));
    bot.Say(mentee, "schedule");  // replaces the request being answered
  };
  worker.WorkDue();
  EXPECT_THAT(QueuedWithPrefix("times:"), IsEmpty()) << "the stale answer was dropped";
  worker.WorkDue();  // the thread's next round: the newer request is due
  const auto answers = QueuedWithPrefix("times:");
  ASSERT_THAT(answers, SizeIs(1));
  const auto newer = (TestEpoch() + std::chrono::seconds(30)).time_since_epoch().count();
  EXPECT_THAT(answers[0].key, ::testing::EndsWith(":" + std::to_string(newer)));
  EXPECT_EQ(FreeBusyCalls(), 2);
  EXPECT_FALSE(NextRequestAt());
}

TEST_F(CalendarTimesTest, AnErasedPairGetsNoAnswerEvenWhenItEndsDuringTheRead) {
  service.during_freebusy = [&] { bot.Say(mentor, "forget-me confirm"); };
  bot.Say(mentee, "schedule");
  worker.WorkDue();
  EXPECT_EQ(FreeBusyCalls(), 1);
  EXPECT_THAT(QueuedWithPrefix("times:"), IsEmpty());
  EXPECT_FALSE(NextRequestAt());
}

TEST_F(CalendarTimesTest, AServiceThisProcessLacksOrAMissingEmailStillGetsAnAnswer) {
  bot.Say(mentee, "schedule");
  bot.Say(mentee, "profile clear email");  // after asking
  worker.WorkDue();
  EXPECT_THAT(Answer().PlainText(), HasSubstr("can't see your calendars"));
  EXPECT_EQ(FreeBusyCalls(), 0);

  CalendarWorker without_graph{bot.store(), bot.clock(), settings, {}, FewAttempts()};
  bot.Say(mentee, "profile set email grace@example.com");
  bot.clock().Advance(std::chrono::minutes(1));
  bot.Say(mentee, "schedule");
  without_graph.WorkDue();
  EXPECT_THAT(QueuedWithPrefix("times:"), SizeIs(2));
  EXPECT_FALSE(NextRequestAt());
}

}  // namespace
}  // namespace mentorbot
