// The Google Calendar service against a fake that plays Google: the JWT
// grant per mailbox, events insert / patch / delete in the organizer's
// primary calendar with a Meet link, freeBusy, and every call safe to repeat
// through faults (5xx, 429, lost answers, expired tokens).
#include "adapters/google/google_calendar.h"

#include <gtest/gtest.h>

#include "adapters/google/google_event_resource.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fake_google_calendar.h"

namespace mentorbot {
namespace {

using nlohmann::json;
using Outcome = CalendarCallStatus::Outcome;
using Route = FakeGoogleCalendar::Route;

constexpr const char* kAccount = "mentorbot@mentorbot-test.iam.gserviceaccount.com";
constexpr const char* kMentee = "morgan@example.com";
constexpr const char* kMentor = "sam@example.com";

CalendarEvent Session() {
  CalendarEvent event;
  event.uid = "session-42@mentorbot";
  event.summary = "Reverse mentoring: Morgan and Sam";
  event.description = "Your first session.";
  event.starts_at = TestEpoch() + std::chrono::hours(24);
  event.minutes = 45;
  event.organizer = {"Morgan", kMentee, true};
  event.attendees = {{"Morgan", kMentee, true}, {"Sam", kMentor, false}, {"Pat (no email)", "", false}};
  return event;
}

class GoogleCalendarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    google.AddMailbox(kMentee);
    google.AddMailbox(kMentor);
  }

  ServiceAccount Account(const TestSigningKey& signer) {
    return ParseServiceAccount(ServiceAccountKeyFile(signer, kAccount, google.token_url()).dump()).value();
  }
  json OnlyEvent(const std::string& mailbox) {
    const auto events = google.Events(mailbox);
    EXPECT_EQ(events.size(), 1u);
    return events.empty() ? json() : events[0];
  }

  FakeClock clock{TestEpoch()};
  TestSigningKey key{"key-1"};
  FakeGoogleCalendar google{kAccount, key.PublicKeyPem(), clock};
  HttpClient http{std::chrono::seconds(5)};
  GoogleCalendar calendar{GoogleCalendarConfig{google.api_base_url(), ""}, Account(key), http, clock};
};

TEST_F(GoogleCalendarTest, CreatesTheEventWithAMeetLinkInTheOrganizersCalendar) {
  const auto booking = calendar.Put(kMentee, Session(), "");
  ASSERT_EQ(booking.status.outcome, Outcome::kDone) << booking.status.error;
  EXPECT_EQ(booking.event_id, GoogleEventId(Session().uid));
  EXPECT_EQ(booking.join_url.rfind("https://meet.google.com/", 0), 0u) << booking.join_url;
  const json event = OnlyEvent(kMentee);
  EXPECT_EQ(event["id"], booking.event_id);
  EXPECT_EQ(event["hangoutLink"], booking.join_url);
  EXPECT_EQ(event["start"]["dateTime"], "2026-11-24T09:00:00Z");
  EXPECT_EQ(event["end"]["dateTime"], "2026-11-24T09:45:00Z");
  EXPECT_EQ(event["attendees"], json::parse(R"([{"email":"morgan@example.com","displayName":"Morgan"},
                                                {"email":"sam@example.com","displayName":"Sam"}])"));
  EXPECT_TRUE(google.Events(kMentor).empty()) << "made in the organizer's calendar only";
  const auto inserts = google.Calls(Route::kInsert);
  ASSERT_EQ(inserts.size(), 1u);
  EXPECT_EQ(inserts[0].query.at("conferenceDataVersion"), "1");
  EXPECT_EQ(inserts[0].query.at("sendUpdates"), "all");
  EXPECT_EQ(inserts[0].body["conferenceData"]["createRequest"]["conferenceSolutionKey"]["type"], "hangoutsMeet");
  EXPECT_EQ(google.TokensIssuedTo(), std::vector<std::string>{kMentee});
}

TEST_F(GoogleCalendarTest, AServerErrorIsRetriedAndMakesOneEvent) {
  google.FailNext(Route::kInsert, 1, 500);
  EXPECT_EQ(calendar.Put(kMentee, Session(), "").status.outcome, Outcome::kRetry);
  const auto booking = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(booking.status.done()) << booking.status.error;
  OnlyEvent(kMentee);
  EXPECT_EQ(google.conferences_made(), 1);
}

TEST_F(GoogleCalendarTest, ALostInsertAnswerIsRetriedIntoAPatchOfTheSameEvent) {
  google.LoseNextAnswers(Route::kInsert);
  const auto lost = calendar.Put(kMentee, Session(), "");
  EXPECT_EQ(lost.status.outcome, Outcome::kRetry);
  EXPECT_NE(lost.status.error.find("no response"), std::string::npos) << lost.status.error;
  OnlyEvent(kMentee);  // Google made it; the answer was lost
  const auto booking = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(booking.status.done()) << booking.status.error;
  EXPECT_EQ(booking.event_id, GoogleEventId(Session().uid));
  const json event = OnlyEvent(kMentee);
  EXPECT_EQ(booking.join_url, event["hangoutLink"]);
  EXPECT_EQ(google.conferences_made(), 1) << "the repeated Meet request id is ignored";
  ASSERT_EQ(google.Calls(Route::kPatch).size(), 1u) << "the 409 turned into a patch";
  EXPECT_EQ(google.Calls(Route::kPatch)[0].query.at("sendUpdates"), "all");
}

TEST_F(GoogleCalendarTest, MovingPatchesTheTimesAndKeepsTheMeet) {
  const auto created = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(created.status.done());
  CalendarEvent moved = Session();
  moved.starts_at += std::chrono::hours(2);
  moved.minutes = 30;
  moved.summary = "Moved session";
  const auto booking = calendar.Put(kMentee, moved, created.event_id);
  ASSERT_TRUE(booking.status.done()) << booking.status.error;
  EXPECT_EQ(booking.event_id, created.event_id);
  EXPECT_EQ(booking.join_url, created.join_url);
  const json event = OnlyEvent(kMentee);
  EXPECT_EQ(event["start"]["dateTime"], "2026-11-24T11:00:00Z");
  EXPECT_EQ(event["end"]["dateTime"], "2026-11-24T11:30:00Z");
  EXPECT_EQ(event["summary"], "Moved session");
  const auto patches = google.Calls(Route::kPatch);
  ASSERT_EQ(patches.size(), 1u);
  EXPECT_EQ(patches[0].path, "/calendar/v3/calendars/primary/events/" + created.event_id);
  EXPECT_FALSE(patches[0].body.contains("conferenceData"));
  EXPECT_EQ(patches[0].query.at("sendUpdates"), "all");
  EXPECT_EQ(google.conferences_made(), 1);
}

TEST_F(GoogleCalendarTest, CancelDeletesForEveryoneAndAGoneEventIsDone) {
  const auto created = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(created.status.done());
  google.FailNext(Route::kDelete, 1, 503);
  EXPECT_EQ(calendar.Cancel(kMentee, created.event_id, "Sam left the program").outcome, Outcome::kRetry);
  EXPECT_TRUE(calendar.Cancel(kMentee, created.event_id, "Sam left the program").done());
  EXPECT_EQ(OnlyEvent(kMentee)["status"], "cancelled");
  EXPECT_EQ(google.Calls(Route::kDelete).back().query.at("sendUpdates"), "all");
  const auto again = calendar.Cancel(kMentee, created.event_id, "");  // 410 Gone
  EXPECT_TRUE(again.done()) << again.error;
  EXPECT_TRUE(calendar.Cancel(kMentee, "neverseen0", "").done());  // 404
  EXPECT_EQ(google.Calls(Route::kDelete).size(), 4u);
}

TEST_F(GoogleCalendarTest, BookingACancelledSessionAgainRestoresItsEvent) {
  const auto created = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(calendar.Cancel(kMentee, created.event_id, "").done());
  const auto booking = calendar.Put(kMentee, Session(), "");  // the id of a deleted event: 409
  ASSERT_TRUE(booking.status.done()) << booking.status.error;
  const json event = OnlyEvent(kMentee);
  EXPECT_EQ(event["status"], "confirmed");
  EXPECT_EQ(booking.join_url, created.join_url);
}

TEST_F(GoogleCalendarTest, UpdatingAnEventCancelledBeforeBringsItBack) {
  const auto created = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(calendar.Cancel(kMentee, created.event_id, "").done());  // a pause over the date
  CalendarEvent resumed = Session();
  resumed.sequence = 2;
  const auto booking = calendar.Put(kMentee, resumed, created.event_id);
  ASSERT_TRUE(booking.status.done()) << booking.status.error;
  EXPECT_EQ(OnlyEvent(kMentee)["status"], "confirmed");
  EXPECT_EQ(google.Calls(Route::kPatch).back().body["status"], "confirmed");
}

TEST_F(GoogleCalendarTest, RateLimitsAreRetriedAfterTheirDelayAndOtherRefusalsArePermanent) {
  google.FailNext(Route::kInsert, 1, 429, 17, "rateLimitExceeded");
  const auto limited = calendar.Put(kMentee, Session(), "");
  EXPECT_EQ(limited.status.outcome, Outcome::kRetry);
  EXPECT_EQ(limited.status.retry_after, std::chrono::seconds(17));
  google.FailNext(Route::kInsert, 1, 403, -1, "userRateLimitExceeded");
  EXPECT_EQ(calendar.Put(kMentee, Session(), "").status.outcome, Outcome::kRetry);
  google.FailNext(Route::kInsert, 1, 403, -1, "forbiddenForNonOrganizer");
  const auto refused = calendar.Put(kMentee, Session(), "");
  EXPECT_EQ(refused.status.outcome, Outcome::kPermanent);
  EXPECT_NE(refused.status.error.find("http 403: Injected fault"), std::string::npos) << refused.status.error;
  CalendarEvent backwards = Session();
  backwards.minutes = 0;  // Google: "The specified time range is empty."
  const auto empty = calendar.Put(kMentee, backwards, "");
  EXPECT_EQ(empty.status.outcome, Outcome::kPermanent);
  EXPECT_NE(empty.status.error.find("The specified time range is empty."), std::string::npos) << empty.status.error;
  EXPECT_TRUE(google.Events(kMentee).empty());
}

TEST_F(GoogleCalendarTest, ARefusedTokenIsReplacedOnTheNextCall) {
  const auto created = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(created.status.done());
  google.FailNext(Route::kPatch, 1, 401, -1, "authError");
  EXPECT_EQ(calendar.Put(kMentee, Session(), created.event_id).status.outcome, Outcome::kRetry);
  EXPECT_TRUE(calendar.Put(kMentee, Session(), created.event_id).status.done());
  EXPECT_EQ(google.TokensIssuedTo().size(), 2u);
  const auto patches = google.Calls(Route::kPatch);
  ASSERT_EQ(patches.size(), 2u);
  EXPECT_NE(patches[0].authorization, patches[1].authorization);
}

TEST_F(GoogleCalendarTest, TokensAreCachedPerMailboxAndRenewedBeforeTheyExpire) {
  const TimePoint from = TestEpoch();
  ASSERT_TRUE(calendar.FreeBusy(kMentee, {kMentor}, from, from + std::chrono::hours(8)).status.done());
  ASSERT_TRUE(calendar.Put(kMentee, Session(), "").status.done());
  ASSERT_TRUE(calendar.FreeBusy(kMentor, {kMentee}, from, from + std::chrono::hours(8)).status.done());
  EXPECT_EQ(google.TokensIssuedTo(), (std::vector<std::string>{kMentee, kMentor}));
  clock.Advance(std::chrono::seconds(3599 - 300 - 1));
  ASSERT_TRUE(calendar.FreeBusy(kMentee, {kMentor}, from, from + std::chrono::hours(8)).status.done());
  EXPECT_EQ(google.TokensIssuedTo().size(), 2u) << "still cached";
  clock.Advance(std::chrono::seconds(2));
  ASSERT_TRUE(calendar.FreeBusy(kMentee, {kMentor}, from, from + std::chrono::hours(8)).status.done());
  EXPECT_EQ(google.TokensIssuedTo(), (std::vector<std::string>{kMentee, kMentor, kMentee}));
}

TEST_F(GoogleCalendarTest, AMailboxTheAccountMayNotActForIsPermanent) {
  const auto booking = calendar.Put("stranger@elsewhere.com", Session(), "");
  EXPECT_EQ(booking.status.outcome, Outcome::kPermanent);
  EXPECT_NE(booking.status.error.find("invalid_grant"), std::string::npos) << booking.status.error;
  EXPECT_EQ(google.RefusedGrants(), std::vector<std::string>{"invalid_grant: Invalid email or User ID"});
  EXPECT_TRUE(google.Calls().empty());
}

TEST_F(GoogleCalendarTest, AnAssertionSignedByAnotherKeyIsRefused) {
  const TestSigningKey impostor("key-1");
  GoogleCalendar forged(GoogleCalendarConfig{google.api_base_url(), ""}, Account(impostor), http, clock);
  EXPECT_EQ(forged.Put(kMentee, Session(), "").status.outcome, Outcome::kPermanent);
  EXPECT_EQ(google.RefusedGrants(), std::vector<std::string>{"invalid_grant: Invalid JWT Signature."});
  EXPECT_TRUE(google.Events(kMentee).empty());
}

TEST_F(GoogleCalendarTest, NoAnswerFromGoogleIsRetried) {
  google.FailNext(Route::kToken, 1, 503, -1, "temporarily_unavailable");
  EXPECT_EQ(calendar.Put(kMentee, Session(), "").status.outcome, Outcome::kRetry);
  GoogleCalendar unreachable(GoogleCalendarConfig{google.api_base_url(), "http://127.0.0.1:1/token"}, Account(key),
                             http, clock);
  EXPECT_EQ(unreachable.Cancel(kMentee, "abcde12345", "").outcome, Outcome::kRetry);
  EXPECT_TRUE(calendar.Put(kMentee, Session(), "").status.done());
}

TEST_F(GoogleCalendarTest, FreeBusyReadsEachReadableCalendar) {
  google.SetBusy(kMentor, json::parse(R"([{"start":"2026-11-23T10:00:00Z","end":"2026-11-23T10:30:00Z"},
                                          {"start":"2026-11-23T12:00:00.000+01:00","end":"2026-11-23T12:45:00.5+01:00"}])"));
  const TimePoint from = TestEpoch();
  const auto availability =
      calendar.FreeBusy(kMentee, {kMentor, kMentee, "ghost@elsewhere.com"}, from, from + std::chrono::hours(8));
  ASSERT_TRUE(availability.status.done()) << availability.status.error;
  ASSERT_EQ(availability.busy.count(kMentor), 1u);
  const auto& busy = availability.busy.at(kMentor);
  ASSERT_EQ(busy.size(), 2u);
  EXPECT_EQ(busy[0].start, from + std::chrono::hours(1));
  EXPECT_EQ(busy[0].end, from + std::chrono::minutes(90));
  EXPECT_EQ(busy[1].start, from + std::chrono::hours(2));
  EXPECT_EQ(busy[1].end, from + std::chrono::minutes(165));
  EXPECT_TRUE(availability.busy.at(kMentee).empty());
  EXPECT_EQ(availability.busy.count("ghost@elsewhere.com"), 0u) << "a calendar with errors is left out";
  const auto query = google.Calls(Route::kFreeBusy).at(0).body;
  EXPECT_EQ(query["timeMin"], "2026-11-23T09:00:00Z");
  EXPECT_EQ(query["timeMax"], "2026-11-23T17:00:00Z");
  EXPECT_EQ(query["items"][0], json({{"id", kMentor}}));

  // A block that cannot be read makes the calendar unreadable, never free.
  google.SetBusy(kMentor, json::parse(R"([{"start":"not a time","end":"2026-11-23T13:00:00Z"}])"));
  const auto garbled = calendar.FreeBusy(kMentee, {kMentor, kMentee}, from, from + std::chrono::hours(8));
  ASSERT_TRUE(garbled.status.done());
  EXPECT_EQ(garbled.busy.count(kMentor), 0u);
  EXPECT_EQ(garbled.busy.count(kMentee), 1u);
}

}  // namespace
}  // namespace mentorbot
