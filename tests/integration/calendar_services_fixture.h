// The fixture of the calendar-service integration tests: the real binary
// (`serve`) with calendar.provider graph (against the loopback fake
// Microsoft Graph and its token endpoint) or google (the fake Google
// Calendar and its JWT grant, a service account key file in a temp dir),
// and a Slack pair whose emails come from users.info, driven by signed
// slash commands and buttons. The base holds what every test needs and
// the fake's part as virtuals; one subclass per service plays that part.
// The stories are members defined beside their tests: sessions booked,
// moved and cancelled in calendar_services_test.cpp, suggested times from
// free/busy in calendar_times_test.cpp.
#pragma once

#include <date/date.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "bot/app/system_clock.h"
#include "bot/core/calendar_event.h"
#include "tests/support/bot_process.h"
#include "tests/support/fake_google_calendar.h"
#include "tests/support/fake_graph_json.h"
#include "tests/support/fake_graph_server.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/slack_pair.h"
#include "tests/support/wait_until.h"

namespace mentorbot::calendar_services {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

inline constexpr const char* kSlackSecret = "calendar-services-signing-secret";
inline constexpr const char* kSlackToken = "xoxb-calendar-services";
inline constexpr const char* kMenteeEmail = "morgan@example.com";  // users.info gives it with capitals
inline constexpr const char* kMentorEmail = "riley@example.com";
inline constexpr const char* kMenteeZone = "Europe/Berlin";
inline constexpr const char* kMentorZone = "Africa/Lagos";
inline constexpr auto kWait = std::chrono::seconds(9);

// One event as the test reads it from either fake.
struct BookedEvent {
  std::string id;
  std::string start;             // UTC, "2030-01-15T14:00:00Z"
  std::string end;
  std::set<std::string> people;  // the organizer's mailbox and every attendee, lower case
  std::string join_url;          // the online meeting; empty: none
  bool gone = false;             // cancelled or deleted
};

// One free/busy read (getSchedule / freeBusy query) as the fake received it.
struct FreeBusyCall {
  std::string acting_as;          // the mailbox the call was made for, lower case
  std::set<std::string> emails;   // whose busy times were asked, lower case
  std::optional<TimePoint> from;  // the window
  std::optional<TimePoint> until;
};

inline std::string UtcText(TimePoint time) { return date::format("%FT%TZ", time); }
// "2030-01-15T14:00:00" with anything after the seconds (Z, fractions) ignored.
inline std::optional<TimePoint> ReadUtcText(const std::string& text) {
  std::istringstream in(text);
  TimePoint time;
  in >> date::parse("%FT%T", time);
  if (in.fail()) return std::nullopt;
  return time;
}

class CalendarServicesTest : public ::testing::Test {
 protected:
  CalendarServicesTest()
      : slack(kSlackToken),
        pair(slack, kSlackSecret, SlackPerson{"UMENTEE", "Morgan", kMenteeZone, "Morgan@Example.com"},
             SlackPerson{"UMENTOR", "Riley", kMentorZone, kMentorEmail}) {
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
  // What the free/busy read answers for `email`; Graph's blocks carry a
  // subject and a location (kHiddenSubject, kHiddenLocation) as Graph gives them.
  virtual void SetBusy(const std::string& email, const std::vector<BusyInterval>& busy) = 0;
  virtual void FailFreeBusy(int count, int status) = 0;
  virtual std::vector<FreeBusyCall> FreeBusyCalls() const = 0;
  // Every API call that is neither a token request nor a free/busy read.
  virtual std::vector<std::string> OtherCalls() const = 0;

  static constexpr const char* kHiddenSubject = "Layoffs planning with HR";
  static constexpr const char* kHiddenLocation = "Boardroom 7";

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
                   {"program", {{"admins", {"slack:T1:UADMIN"}}, {"default_time_zone", kMenteeZone}}},
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

  // The first Slack message to `user` containing `needle`, waiting for it;
  // null (with the test failed) when none came.
  json WaitForDm(const std::string& user, const std::string& needle) {
    json found;
    const bool came = WaitUntil([&] {
      for (const json& posted : slack.PostedMessages()) {
        if (posted.value("channel", "") == "D" + user && posted.dump().find(needle) != std::string::npos) {
          found = posted;
          return true;
        }
      }
      return false;
    }, kWait);
    EXPECT_TRUE(came) << "nothing with \"" << needle << "\" reached " << user << "\nbot log:\n" << bot->Log();
    return found;
  }
  // The Slack message to `user` containing `needle` arrived.
  void ExpectToldInDm(const std::string& user, const std::string& needle) { WaitForDm(user, needle); }
  // No one was told the calendar gave up (the invitation-file fallback).
  void ExpectNothingGivenUp() {
    for (const json& posted : slack.PostedMessages()) {
      EXPECT_THAT(posted.dump(), Not(HasSubstr("could not put it in your calendar")));
      EXPECT_THAT(posted.dump(), Not(HasSubstr("could not take it out of your calendar")));
    }
    EXPECT_TRUE(slack.SharedFiles().empty()) << "no invitation file went out instead";
  }

  // Sessions in the calendar (calendar_services_test.cpp).
  void ConfirmMoveAndCancel();
  void BookThenMoveDuringTheFirstCreate();
  void ExpectOneEventAtTheMovedTime();
  void OutageLosesNothing();
  void LostAnswerThenMoveLosesNothing();

  // Suggested times (calendar_times_test.cpp).
  void TimesAvoidBothCalendarsThenAPickIsProposed();
  void TimesFromWorkingHoursWhenFreeBusyIsDown();
  // The mentee's DM with the suggested times, once it came; null otherwise.
  json AskForTimes(const std::string& wording);
  // Presses a button of a message in the mentee's DM as Slack posts it.
  void PressInMenteeDm(const json& message, const json& button);

  TempDir dir;
  FakeSlackServer slack;
  SlackPair pair;
  std::unique_ptr<BotProcess> bot;
};

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
  void SetBusy(const std::string& email, const std::vector<BusyInterval>& busy) override {
    std::vector<FakeGraphServer::BusyBlock> blocks;
    for (const auto& interval : busy) {
      blocks.push_back({interval.start, interval.end, "busy", kHiddenSubject, kHiddenLocation});
    }
    graph.SetBusy(email, std::move(blocks));
  }
  void FailFreeBusy(int count, int status) override { graph.FailNext(Route::kSchedule, count, status); }
  std::vector<FreeBusyCall> FreeBusyCalls() const override {
    std::vector<FreeBusyCall> reads;
    for (const auto& call : graph.Calls()) {
      if (call.route != Route::kSchedule) continue;
      // "/v1.0/users/{mailbox}/calendar/getSchedule"
      const std::string users = "/v1.0/users/";
      const std::string mailbox = call.path.substr(users.size(), call.path.find("/calendar/") - users.size());
      FreeBusyCall read{FakeGraphMailboxes::Lower(mailbox), {}, ReadUtcTime(call.body.value("startTime", json())),
                        ReadUtcTime(call.body.value("endTime", json()))};
      for (const json& email : call.body.value("schedules", json::array())) {
        read.emails.insert(FakeGraphMailboxes::Lower(email.get<std::string>()));
      }
      reads.push_back(std::move(read));
    }
    return reads;
  }
  std::vector<std::string> OtherCalls() const override {
    std::vector<std::string> paths;
    for (const auto& call : graph.Calls()) {
      if (call.route != Route::kToken && call.route != Route::kSchedule) paths.push_back(call.path);
    }
    return paths;
  }

  FakeGraphServer graph{kTenant, kClient, kSecret};
};

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
  // Google's freeBusy has busy times only: no subject to hide.
  void SetBusy(const std::string& email, const std::vector<BusyInterval>& busy) override {
    json blocks = json::array();
    for (const auto& interval : busy) {
      blocks.push_back({{"start", UtcText(interval.start)}, {"end", UtcText(interval.end)}});
    }
    google.SetBusy(email, std::move(blocks));
  }
  void FailFreeBusy(int count, int status) override { google.FailNext(Route::kFreeBusy, count, status); }
  std::vector<FreeBusyCall> FreeBusyCalls() const override {
    std::vector<FreeBusyCall> reads;
    for (const auto& call : google.Calls(Route::kFreeBusy)) {
      FreeBusyCall read{call.mailbox, {}, ReadUtcText(call.body.value("timeMin", "")),
                        ReadUtcText(call.body.value("timeMax", ""))};
      for (const json& item : call.body.value("items", json::array())) {
        read.emails.insert(FakeGraphMailboxes::Lower(item.value("id", "")));
      }
      reads.push_back(std::move(read));
    }
    return reads;
  }
  std::vector<std::string> OtherCalls() const override {
    std::vector<std::string> paths;
    for (const auto& call : google.Calls()) {
      if (call.route != Route::kFreeBusy) paths.push_back(call.path);
    }
    return paths;
  }

  SystemClock clock;  // the bot signs its assertions with the wall clock
  TestSigningKey key{"calendar-services-key"};
  FakeGoogleCalendar google{kAccount, key.PublicKeyPem(), clock};
};

}  // namespace mentorbot::calendar_services
