// Sessions in calendar services through the real binary (the fixture is
// calendar_services_fixture.h): a Slack pair whose emails come from
// users.info, driven by signed slash commands and the Confirm button.
// The calendar worker runs on its own thread, so every check waits for the
// fake to reach the expected state. The same story runs for both services:
// confirm → one event in the mentee's calendar with both people and an
// online meeting; reschedule → that event moved, meeting kept; cancel → it
// is cancelled; and an outage or a lost answer in the middle loses nothing.
#include "tests/integration/calendar_services_fixture.h"

namespace mentorbot::calendar_services {
namespace {

// Times typed in the mentee's zone (Europe/Berlin, UTC+1 in January) and
// far ahead, so the test does not depend on today's date.
constexpr const char* kFirstTime = "2030-01-15 15:00";
constexpr const char* kFirstStartUtc = "2030-01-15T14:00:00Z";
constexpr const char* kFirstEndUtc = "2030-01-15T14:45:00Z";  // the default 45 minutes
constexpr const char* kMovedTime = "2030-01-16 10:30";
constexpr const char* kMovedStartUtc = "2030-01-16T09:30:00Z";
}  // namespace

void CalendarServicesTest::ConfirmMoveAndCancel() {
  ASSERT_NO_FATAL_FAILURE(StartAndPair());
  pair.Mentee(std::string("schedule ") + kFirstTime);
  ASSERT_TRUE(pair.ConfirmWithButton());
  const auto booked = WaitForOnlyEvent([](const BookedEvent& e) { return !e.gone; }, "the confirmed session");
  ASSERT_TRUE(booked);
  EXPECT_EQ(booked->start, kFirstStartUtc) << "15:00 in the mentee's zone";
  EXPECT_EQ(booked->end, kFirstEndUtc);
  EXPECT_EQ(booked->people, (std::set<std::string>{kMenteeEmail, kMentorEmail}));
  EXPECT_FALSE(booked->join_url.empty()) << "an online meeting comes with the event";
  EXPECT_EQ(Creates(), 1);
  ExpectToldInDm("UMENTEE", "confirmed your session");

  pair.Mentee(std::string("reschedule ") + kMovedTime);
  const auto moved = WaitForOnlyEvent([](const BookedEvent& e) { return !e.gone && e.start == kMovedStartUtc; },
                                      std::string("the session moved to ") + kMovedStartUtc);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->id, booked->id) << "the same event, moved";
  EXPECT_EQ(moved->join_url, booked->join_url) << "the meeting is kept";
  EXPECT_EQ(moved->people, booked->people);
  EXPECT_EQ(Creates(), 1) << "moved, never made again";
  EXPECT_GE(Updates(), 1);
  const int updates = Updates();
  ExpectToldInDm("UMENTOR", "moved your next session");
  // The mentor agrees to the new time: the calendar already shows it.
  ASSERT_TRUE(pair.ConfirmWithButton());

  pair.Mentee("cancel");
  const auto cancelled = WaitForOnlyEvent([](const BookedEvent& e) { return e.gone; }, "the session cancelled");
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->id, booked->id);
  // The worker works one session's versions in order, so a call for the
  // confirm would have come before the cancellation.
  EXPECT_EQ(Updates(), updates) << "confirming the moved time changed no calendar";
  EXPECT_EQ(Creates(), 1);
  ExpectNothingGivenUp();
}

// Confirms kFirstTime; once the first create reached the fake, moves the
// session to kMovedTime (while that create still fails or is retried).
void CalendarServicesTest::BookThenMoveDuringTheFirstCreate() {
  ASSERT_NO_FATAL_FAILURE(StartAndPair());
  pair.Mentee(std::string("schedule ") + kFirstTime);
  ASSERT_TRUE(pair.ConfirmWithButton());
  // The retry is a backoff (>= 1 s) away, so the move lands first (and
  // makes the session due at once: the retry carries the moved time).
  ASSERT_TRUE(WaitUntil([&] { return Creates() >= 1; }, kWait));
  pair.Mentee(std::string("reschedule ") + kMovedTime);
}
// Exactly one event, at the moved time, with both people and its
// meeting; both people got their messages and nobody was told it failed.
void CalendarServicesTest::ExpectOneEventAtTheMovedTime() {
  const auto booked = WaitForOnlyEvent([](const BookedEvent& e) { return !e.gone && e.start == kMovedStartUtc; },
                                       std::string("one event at the moved time ") + kMovedStartUtc);
  ASSERT_TRUE(booked);
  EXPECT_EQ(booked->people, (std::set<std::string>{kMenteeEmail, kMentorEmail}));
  EXPECT_FALSE(booked->join_url.empty());
  ExpectToldInDm("UMENTEE", "confirmed your session");
  ExpectToldInDm("UMENTOR", "moved your next session");
  ExpectNothingGivenUp();
}

// The service refuses the first tries (503, then 429 with Retry-After)
// while the mentee moves the session, then recovers: the two versions
// go as one create.
void CalendarServicesTest::OutageLosesNothing() {
  FailCreates(1, 503, -1);
  FailCreates(1, 429, 1);
  ASSERT_NO_FATAL_FAILURE(BookThenMoveDuringTheFirstCreate());
  ASSERT_NO_FATAL_FAILURE(ExpectOneEventAtTheMovedTime());
  EXPECT_EQ(Creates(), 3) << "503, 429, then made once";
}

// The first create is made but its answer lost; the mentee moves the
// session before the retry. The retry finds the event the lost create
// made (same transactionId / event id), which still has the old time:
// it must end at the moved time.
void CalendarServicesTest::LostAnswerThenMoveLosesNothing() {
  LoseCreateAnswer();
  ASSERT_NO_FATAL_FAILURE(BookThenMoveDuringTheFirstCreate());
  ASSERT_NO_FATAL_FAILURE(ExpectOneEventAtTheMovedTime());
  EXPECT_EQ(Creates(), 2) << "the lost one and its retry";
}

TEST_F(CalendarServicesGraphTest, ConfirmRescheduleAndCancelKeepOneEventInTheMenteesMailbox) {
  ConfirmMoveAndCancel();
  if (HasFatalFailure()) return;
  EXPECT_EQ(graph.token_requests(), 1) << "one client-credentials token serves every call";
  EXPECT_EQ(graph.calls(Route::kCancel), 1);
  const auto events = graph.Events(kMenteeEmail);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].cancelled) << "cancelled for everyone, not deleted";
  EXPECT_FALSE(events[0].cancel_comment.empty()) << "attendees read why";
  for (const auto& call : graph.Calls()) {
    if (call.route != Route::kToken) {
      EXPECT_EQ(call.authorization.rfind("Bearer ", 0), 0u) << call.path;
    }
  }
  EXPECT_THAT(bot->Log(), Not(HasSubstr(kSecret)));
}

TEST_F(CalendarServicesGraphTest, AnOutageThenRecoveryLeavesOneEventAtTheLatestTime) { OutageLosesNothing(); }

// A create retried with its transactionId is answered with the event the
// lost try made, at the old time: the adapter sees it differs and updates it.
TEST_F(CalendarServicesGraphTest, ALostCreateAnswerThenAMoveLeavesOneEventAtTheLatestTime) {
  LostAnswerThenMoveLosesNothing();
}

TEST_F(CalendarServicesGoogleTest, ConfirmRescheduleAndCancelKeepOneEventInTheMenteesCalendar) {
  ConfirmMoveAndCancel();
  if (HasFatalFailure()) return;
  EXPECT_EQ(google.conferences_made(), 1) << "one Meet for the session's whole life";
  EXPECT_EQ(google.Calls(Route::kDelete).size(), 1u);
  for (const auto& call : google.Calls()) {
    EXPECT_EQ(call.mailbox, kMenteeEmail) << "acting as the mentee: " << call.path;
  }
  const auto inserts = google.Calls(Route::kInsert);
  ASSERT_EQ(inserts.size(), 1u);
  EXPECT_EQ(inserts[0].query.at("sendUpdates"), "all") << "Google invites the mentor";
  EXPECT_TRUE(google.RefusedGrants().empty());
}

TEST_F(CalendarServicesGoogleTest, AnOutageThenRecoveryLeavesOneEventAtTheLatestTime) { OutageLosesNothing(); }

TEST_F(CalendarServicesGoogleTest, ALostInsertAnswerThenAMoveLeavesOneEventAtTheLatestTime) {
  LostAnswerThenMoveLosesNothing();
  if (HasFatalFailure()) return;
  // The retry's insert meets the lost one's id (409) and patches it back to the latest version.
  EXPECT_GE(google.Calls(Route::kPatch).size(), 1u);
  EXPECT_EQ(google.conferences_made(), 1) << "the lost insert's Meet is the one kept";
}

}  // namespace mentorbot::calendar_services
