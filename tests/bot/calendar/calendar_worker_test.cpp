// Sessions booked through a calendar service: the worker creates, moves,
// updates and cancels one event per session, exactly once through outages;
// after the last attempt both people hear the session stands and get the
// invitation as a file; admins see the count.
#include "bot/engine/calendar/calendar_worker.h"

#include <algorithm>

#include "bot/engine/scheduling/scheduler.h"
#include "tests/bot/calendar/calendar_service_fixture.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class CalendarWorkerTest : public CalendarServiceTest {
 protected:
  void Book(const std::string& when = "tomorrow 15:00") {
    bot.Say(mentee, "schedule " + when);
    bot.Say(mentor, "confirm");
  }

  // Rounds of the worker until nothing is due within `within`.
  void Work(std::chrono::seconds within = std::chrono::seconds(0)) {
    for (int round = 0; round < 50; ++round) {
      worker.WorkDue();
      std::optional<TimePoint> next;
      ASSERT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
        next = tx.calendar().NextDueAt();
      }).ok());
      if (!next || *next > bot.clock().Now() + within) return;
      if (*next > bot.clock().Now()) bot.clock().Advance(*next - bot.clock().Now());
    }
  }

  // The entry of the open session, or of the last one seen when none is open.
  SessionCalendarEntry Entry() {
    std::optional<SessionCalendarEntry> entry;
    if (const auto session = OpenSession()) session_id_ = session->id;
    bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { entry = tx.calendar().Find(session_id_); });
    EXPECT_TRUE(entry);
    return entry.value_or(SessionCalendarEntry{});
  }

  int Puts() const {
    return static_cast<int>(std::count_if(service.calls().begin(), service.calls().end(),
                                          [](const auto& call) { return call.kind == "put"; }));
  }

  std::int64_t session_id_ = 0;
};

TEST_F(CalendarWorkerTest, AConfirmedSessionIsBookedOnceInTheMenteesCalendarWithAMeetingLink) {
  Book();
  EXPECT_THAT(QueuedWithPrefix("calendar:"), IsEmpty()) << "no files: the service invites both";
  EXPECT_TRUE(Entry().due());
  Work();
  ASSERT_THAT(service.events(), SizeIs(1));
  const auto& [id, held] = *service.events().begin();
  EXPECT_EQ(held.mailbox, "grace@example.com");
  EXPECT_EQ(held.event.summary, "Reverse mentoring: UMENTOR & UMENTEE");
  ASSERT_THAT(held.event.attendees, SizeIs(2));
  EXPECT_EQ(held.event.attendees[0].email, "ada@example.com");
  const SessionCalendarEntry entry = Entry();
  EXPECT_FALSE(entry.due());
  EXPECT_EQ(entry.event_id, id);
  EXPECT_EQ(entry.join_url, "https://meet.example/" + id);
  Work();
  EXPECT_EQ(Puts(), 1) << "nothing more to do";

  // Every reminder carries the link.
  Scheduler scheduler(bot.store(), GraphSettings());
  bot.clock().Advance(std::chrono::hours(20));
  auto tick = scheduler.Tick(bot.clock().Now());
  ASSERT_TRUE(tick.ok());
  int reminders = 0;
  for (const auto& item : tick->queued) {
    if (item.key.find(":reminder:") == std::string::npos) continue;
    ++reminders;
    EXPECT_THAT(item.message.PlainText(), HasSubstr("https://meet.example/" + id));
  }
  EXPECT_GT(reminders, 0);
}

TEST_F(CalendarWorkerTest, MoveAgendaAndCancelChangeTheSameEvent) {
  Book();
  Work();
  const std::string id = Entry().event_id;
  bot.Say(mentee, "reschedule tomorrow 17:30");
  Work();
  bot.Say(mentee, "agenda Hiring");
  Work();
  EXPECT_THAT(service.events(), SizeIs(1));
  EXPECT_THAT(service.events().at(id).event.description, HasSubstr("Hiring"));
  EXPECT_EQ(service.events().at(id).event.sequence, 2);
  bot.Say(mentor, "cancel");
  Work();
  EXPECT_TRUE(service.events().at(id).cancelled);
  ASSERT_THAT(service.calls(), SizeIs(4));
  for (int i = 1; i < 3; ++i) EXPECT_EQ(service.calls()[i].event_id, id) << "updates name the event";
  EXPECT_EQ(service.calls()[3].kind, "cancel");
}

TEST_F(CalendarWorkerTest, AnOutageDelaysTheBookingAndChangesMadeMeanwhileGoInOneCall) {
  service.FailNext(CalendarCallStatus::Retry("http 503", std::chrono::seconds(30)), 2);
  Book();
  worker.WorkDue();
  EXPECT_EQ(Entry().attempts, 1);
  EXPECT_EQ(Entry().next_attempt_at, bot.clock().Now() + std::chrono::seconds(30)) << "Retry-After honoured";
  bot.Say(mentee, "reschedule tomorrow 18:00");
  bot.Say(mentor, "confirm");
  worker.WorkDue();  // the newer version is due at once, and fails once more
  Work(std::chrono::hours(1));
  ASSERT_THAT(service.events(), SizeIs(1)) << "one event, never two";
  EXPECT_EQ(service.events().begin()->second.event.sequence, Entry().sequence) << "the latest version";
  EXPECT_EQ(Puts(), 3);
  EXPECT_THAT(QueuedWithPrefix("calendar-fallback:"), IsEmpty());
}

TEST_F(CalendarWorkerTest, AfterTheLastAttemptBothHearTheSessionStandsAndGetAFile) {
  service.FailNext(CalendarCallStatus::Retry("http 500"), 3);
  Book();
  Work(std::chrono::hours(1));
  EXPECT_EQ(Puts(), 3);
  EXPECT_TRUE(Entry().gave_up);
  const auto notices = QueuedWithPrefix("calendar-fallback:");
  ASSERT_THAT(notices, SizeIs(2));
  for (const auto& notice : notices) {
    EXPECT_THAT(notice.message.PlainText(), HasSubstr("stands, but I could not put it in your calendar"));
    ASSERT_THAT(notice.message.files, SizeIs(1));
    EXPECT_EQ(notice.message.files[0].media_type, "text/calendar");
  }
  EXPECT_THAT(bot.Say(admin, "admin report"), HasSubstr("Sessions the calendar service could not book: 1"));

  // The next change is tried afresh; the people already hold a file, so
  // they get the new version as a file too.
  Entry();
  bot.Say(mentor, "cancel");
  EXPECT_FALSE(Entry().gave_up);
  EXPECT_THAT(QueuedWithPrefix("calendar:"), SizeIs(2));
  Work();
  EXPECT_THAT(bot.Say(admin, "admin report"), HasSubstr("Sessions the calendar service could not book: 0"));
}

TEST_F(CalendarWorkerTest, ForgetMeCancelsTheEventThenKeepsNoEmail) {
  Book();
  Work();
  const std::string id = Entry().event_id;
  ASSERT_THAT(bot.Say(mentee, "forget-me confirm"), HasSubstr("erased"));
  EXPECT_EQ(Entry().mailbox, "grace@example.com") << "still needed to cancel";
  Work();
  EXPECT_TRUE(service.events().at(id).cancelled);
  EXPECT_EQ(service.calls().back().mailbox, "grace@example.com");
  EXPECT_EQ(Entry().mailbox, "") << "the pair ended: the session can never come back";
}

TEST_F(CalendarWorkerTest, ForgetMeEmptiesTheMailboxOfPastSessionsAtOnce) {
  Book();
  Work();
  Entry();
  bot.Say(mentor, "cancel");
  Work();
  const std::int64_t cancelled = Entry().session_id;
  Book("tomorrow 17:00");
  Work();
  Entry();
  ASSERT_THAT(bot.Say(mentee, "forget-me confirm"), HasSubstr("erased"));
  std::optional<SessionCalendarEntry> past;
  ASSERT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
    past = tx.calendar().Find(cancelled);
  }).ok());
  ASSERT_TRUE(past);
  EXPECT_EQ(past->mailbox, "");
  EXPECT_EQ(Entry().mailbox, "grace@example.com") << "the open session's cancel is still to send";
}

TEST_F(CalendarWorkerTest, APausedPairKeepsItsMailboxToComeBack) {
  Book();
  Work();
  Entry();
  bot.Say(mentee, "pause 14");
  Work();
  EXPECT_TRUE(Entry().cancelled);
  EXPECT_EQ(Entry().mailbox, "grace@example.com");
}

TEST_F(CalendarWorkerTest, ARefusalIsNotRetried) {
  service.FailNext(CalendarCallStatus::Permanent("http 403 ErrorAccessDenied"));
  Book();
  Work(std::chrono::hours(1));
  EXPECT_EQ(Puts(), 1);
  EXPECT_TRUE(Entry().gave_up);
  EXPECT_EQ(Entry().last_error, "http 403 ErrorAccessDenied");
  EXPECT_THAT(QueuedWithPrefix("calendar-fallback:"), SizeIs(2));
}

TEST_F(CalendarWorkerTest, AMentorWithoutAnEmailGetsTheFileAndTheMenteesCalendarTheEvent) {
  bot.Say(mentor, "profile clear email");
  Book();
  const auto files = QueuedWithPrefix("calendar:");
  ASSERT_THAT(files, SizeIs(1));
  EXPECT_EQ(files[0].to.user, mentor);
  Work();
  ASSERT_THAT(service.events(), SizeIs(1));
  EXPECT_EQ(service.events().begin()->second.mailbox, "grace@example.com");
}

TEST_F(CalendarWorkerTest, AMenteeWithoutAnEmailMeansFilesForBoth) {
  bot.Say(mentee, "profile clear email");
  Book();
  EXPECT_THAT(QueuedWithPrefix("calendar:"), SizeIs(2));
  EXPECT_FALSE(Entry().due());
  Work();
  EXPECT_THAT(service.calls(), IsEmpty());
}

TEST_F(CalendarWorkerTest, ASessionOfAServiceThisProcessLacksIsLeftForAnother) {
  CalendarWorker without{bot.store(), bot.clock(), settings, {}, FewAttempts()};
  Book();
  EXPECT_EQ(without.WorkDue(), 0);
  EXPECT_TRUE(Entry().due());
  EXPECT_EQ(Entry().attempts, 0);
}

}  // namespace
}  // namespace mentorbot
