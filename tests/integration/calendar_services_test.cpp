// Sessions in calendar services through the real binary: `serve` with
// calendar.provider graph (against the loopback fake Microsoft Graph and its
// token endpoint) or google (the fake Google Calendar and its JWT grant, a
// service account key file in a temp dir), a Slack pair whose emails come
// from users.info, driven by signed slash commands and the Confirm button.
// The calendar worker runs on its own thread, so every check waits for the
// fake to reach the expected state. The same story runs for both services:
// confirm → one event in the mentee's calendar with both people and an
// online meeting; reschedule → that event moved, meeting kept; cancel → it
// is cancelled; and an outage or a lost answer in the middle loses nothing.
#include <date/date.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "bot/app/system_clock.h"
#include "tests/support/bot_process.h"
#include "tests/support/fake_google_calendar.h"
#include "tests/support/fake_graph_server.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/slack_pair.h"
#include "tests/support/wait_until.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

constexpr const char* kSlackSecret = "calendar-services-signing-secret";
constexpr const char* kSlackToken = "xoxb-calendar-services";
constexpr const char* kMenteeEmail = "morgan@example.com";  // users.info gives it with capitals
constexpr const char* kMentorEmail = "riley@example.com";
constexpr auto kWait = std::chrono::seconds(9);

// Times typed in the mentee's zone (Europe/Berlin, UTC+1 in January) and
// far ahead, so the test does not depend on today's date.
constexpr const char* kFirstTime = "2030-01-15 15:00";
constexpr const char* kFirstStartUtc = "2030-01-15T14:00:00Z";
constexpr const char* kFirstEndUtc = "2030-01-15T14:45:00Z";  // the default 45 minutes
constexpr const char* kMovedTime = "2030-01-16 10:30";
constexpr const char* kMovedStartUtc = "2030-01-16T09:30:00Z";

// One event as the test reads it from either fake.
struct BookedEvent {
  std::string id;
  std::string start;             // UTC, "2030-01-15T14:00:00Z"
  std::string end;
  std::set<std::string> people;  // the organizer's mailbox and every attendee, lower case
  std::string join_url;          // the online meeting; empty: none
  bool gone = false;             // cancelled or deleted
};

// The story, against whichever fake the derived fixture provides.
class CalendarServicesTest : public ::testing::Test {
 protected:
  CalendarServicesTest()
      : slack(kSlackToken),
        pair(slack, kSlackSecret, SlackPerson{"UMENTEE", "Morgan", "Europe/Berlin", "Morgan@Example.com"},
             SlackPerson{"UMENTOR", "Riley", "Africa/Lagos", kMentorEmail}) {
    pair.SetProfiles();
  }

  // The fake's part.
  virtual json CalendarSection() const = 0;      // the config's "calendar" object
  virtual Environment CalendarEnvironment() const = 0;
  virtual std::vector<BookedEvent> MenteeEvents() const = 0;
  virtual int Creates() const = 0;                // event creations the fake received
  virtual int Updates() const = 0;                // PATCHes of an event
  virtual void FailCreates(int count, int status, int retry_after_seconds) = 0;
  virtual void LoseCreateAnswer() = 0;            // done, then the connection cut

  // The bot stops before the derived fixture's fake goes away.
  void TearDown() override { bot.reset(); }

  // Starts the bot against the fakes and pairs the two people.
  void StartAndPair() {
    json config = {{"server", {{"host", "127.0.0.1"}, {"port", 0}, {"threads", 4}}},
                   {"database", {{"path", dir.File("bot.db")}}},
                   {"slack", {{"api_base_url", slack.base_url()}}},
                   // Retries after 1-2 s (calendar work shares the outbox's backoff).
                   {"outbox", {{"first_backoff_seconds", 1}, {"max_backoff_seconds", 2}}},
                   {"scheduler", {{"enabled", false}}},
                   {"program", {{"admins", {"slack:T1:UADMIN"}}, {"default_time_zone", "Europe/Berlin"}}},
                   {"calendar", CalendarSection()}};
    Environment env = CalendarEnvironment();
    env["SLACK_SIGNING_SECRET"] = kSlackSecret;
    env["SLACK_BOT_TOKEN"] = kSlackToken;
    bot = std::make_unique<BotProcess>(dir, config.dump(), env);
    pair.Attach(bot->port());
    ASSERT_TRUE(pair.EnrollAndPair());
  }

  // Waits until the mentee's calendar holds exactly one event and it
  // satisfies `wanted`; that event, or nullopt (the test failed) on timeout.
  std::optional<BookedEvent> WaitForOnlyEvent(const std::function<bool(const BookedEvent&)>& wanted,
                                              const std::string& what) {
    std::vector<BookedEvent> events;
    const bool reached = WaitUntil([&] {
      events = MenteeEvents();
      return events.size() == 1 && wanted(events[0]);
    }, kWait);
    if (reached) return events[0];
    std::string seen;
    for (const auto& event : events) seen += "\n  " + event.id + " " + event.start + (event.gone ? " (gone)" : "");
    ADD_FAILURE() << "the mentee's calendar never showed " << what << "; it holds " << events.size() << ":" << seen
                  << "\nbot log:\n" << bot->Log();
    return std::nullopt;
  }

  // The Slack message to `user` containing `needle` arrived.
  void ExpectToldInDm(const std::string& user, const std::string& needle) {
    EXPECT_TRUE(WaitUntil([&] {
      for (const json& posted : slack.PostedMessages()) {
        if (posted.value("channel", "") == "D" + user && posted.dump().find(needle) != std::string::npos) return true;
      }
      return false;
    }, kWait)) << "nothing with \"" << needle << "\" reached " << user;
  }
  // No one was told the calendar gave up (the invitation-file fallback).
  void ExpectNothingGivenUp() {
    for (const json& posted : slack.PostedMessages()) {
      EXPECT_THAT(posted.dump(), Not(HasSubstr("could not put it in your calendar")));
      EXPECT_THAT(posted.dump(), Not(HasSubstr("could not take it out of your calendar")));
    }
    EXPECT_TRUE(slack.SharedFiles().empty()) << "no invitation file went out instead";
  }

  void ConfirmMoveAndCancel() {
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
  void BookThenMoveDuringTheFirstCreate() {
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
  void ExpectOneEventAtTheMovedTime() {
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
  void OutageLosesNothing() {
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
  void LostAnswerThenMoveLosesNothing() {
    LoseCreateAnswer();
    ASSERT_NO_FATAL_FAILURE(BookThenMoveDuringTheFirstCreate());
    ASSERT_NO_FATAL_FAILURE(ExpectOneEventAtTheMovedTime());
    EXPECT_EQ(Creates(), 2) << "the lost one and its retry";
  }

  TempDir dir;
  FakeSlackServer slack;
  SlackPair pair;
  std::unique_ptr<BotProcess> bot;
};

std::string UtcText(TimePoint time) { return date::format("%FT%TZ", time); }

// Microsoft 365: the event lives in the mentee's mailbox; Graph invites the mentor.
class CalendarServicesGraphTest : public CalendarServicesTest {
 protected:
  static constexpr const char* kTenant = "tenant-calendar";
  static constexpr const char* kClient = "client-calendar";
  static constexpr const char* kSecret = "graph-client-secret-never-logged";
  using Route = FakeGraphServer::Route;

  json CalendarSection() const override {
    return {{"provider", "graph"}, {"graph_tenant_id", kTenant}, {"graph_client_id", kClient},
            {"graph_api_base_url", graph.api_base_url()}, {"graph_login_base_url", graph.login_base_url()}};
  }
  Environment CalendarEnvironment() const override { return {{"GRAPH_CLIENT_SECRET", kSecret}}; }
  std::vector<BookedEvent> MenteeEvents() const override {
    std::vector<BookedEvent> events;
    for (const auto& made : graph.Events(kMenteeEmail)) {
      BookedEvent event{made.id, UtcText(made.start), UtcText(made.end), {made.mailbox}, made.join_url,
                        made.cancelled || made.deleted};
      for (const auto& attendee : made.attendees) event.people.insert(FakeGraphMailboxes::Lower(attendee));
      events.push_back(std::move(event));
    }
    return events;
  }
  int Creates() const override { return graph.calls(Route::kCreate); }
  int Updates() const override { return graph.calls(Route::kPatch); }
  void FailCreates(int count, int status, int retry_after_seconds) override {
    graph.FailNext(Route::kCreate, count, status, retry_after_seconds);
  }
  void LoseCreateAnswer() override { graph.LoseNextAnswer(Route::kCreate); }

  FakeGraphServer graph{kTenant, kClient, kSecret};
};

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

// Google Workspace: the bot acts as the mentee (the JWT's sub) and inserts
// the event in their primary calendar with a Meet link.
class CalendarServicesGoogleTest : public CalendarServicesTest {
 protected:
  static constexpr const char* kAccount = "mentorbot@calendar-services.iam.gserviceaccount.com";
  using Route = FakeGoogleCalendar::Route;

  CalendarServicesGoogleTest() {
    google.AddMailbox(kMenteeEmail);
    google.AddMailbox(kMentorEmail);
    std::ofstream(dir.File("service-account.json")) << ServiceAccountKeyFile(key, kAccount, google.token_url()).dump();
  }

  json CalendarSection() const override {
    return {{"provider", "google"}, {"google_key_file", dir.File("service-account.json")},
            {"google_api_base_url", google.api_base_url()}, {"google_token_url", google.token_url()}};
  }
  Environment CalendarEnvironment() const override { return {}; }
  std::vector<BookedEvent> MenteeEvents() const override {
    std::vector<BookedEvent> events;
    for (const json& made : google.Events(kMenteeEmail)) {
      const auto time = [&](const char* edge) { return made.value(edge, json::object()).value("dateTime", ""); };
      BookedEvent event{made.value("id", ""), time("start"), time("end"),
                        {kMenteeEmail}, made.value("hangoutLink", ""), made.value("status", "") == "cancelled"};
      for (const json& attendee : made.value("attendees", json::array())) {
        event.people.insert(FakeGraphMailboxes::Lower(attendee.value("email", "")));  // the same folding
      }
      events.push_back(std::move(event));
    }
    return events;
  }
  int Creates() const override { return static_cast<int>(google.Calls(Route::kInsert).size()); }
  int Updates() const override { return static_cast<int>(google.Calls(Route::kPatch).size()); }
  void FailCreates(int count, int status, int retry_after_seconds) override {
    google.FailNext(Route::kInsert, count, status, retry_after_seconds,
                    status == 429 ? "rateLimitExceeded" : "backendError");
  }
  void LoseCreateAnswer() override { google.LoseNextAnswers(Route::kInsert); }

  SystemClock clock;  // the bot signs its assertions with the wall clock
  TestSigningKey key{"calendar-services-key"};
  FakeGoogleCalendar google{kAccount, key.PublicKeyPem(), clock};
};

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

}  // namespace
}  // namespace mentorbot
