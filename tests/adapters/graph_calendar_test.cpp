// The Microsoft Graph calendar against a fake Graph that plays the real one:
// each event made, moved and cancelled exactly once through faults, the
// Teams meeting kept, free/busy read as times only, the app token cached.
#include "adapters/graph/graph_calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "adapters/graph/graph_date_time.h"
#include "adapters/graph/graph_schedule.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fake_graph_server.h"

namespace mentorbot {
namespace {

using nlohmann::json;
using Outcome = CalendarCallStatus::Outcome;
using Route = FakeGraphServer::Route;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kTenant = "contoso-tenant-id";
constexpr const char* kClientId = "graph-app-id";
constexpr const char* kSecret = "graph-app-secret";
const std::string kMentee = "morgan@contoso.com";
const std::string kMentor = "alex@contoso.com";

class GraphCalendarTest : public ::testing::Test {
 protected:
  GraphCalendarConfig Config(const std::string& secret = kSecret) const {
    return GraphCalendarConfig{graph.api_base_url(), graph.login_base_url(), kTenant, kClientId, secret};
  }

  static CalendarEvent Session() {
    CalendarEvent event;
    event.uid = "20261101T080000Z-session-7@mentorbot";
    event.summary = "Reverse mentoring: Alex & Morgan";
    event.description = "Agenda:\nGrowth & <feedback>\n\nOff-limits: \"Project X\", O'Brien's team";
    event.starts_at = TestEpoch() + hours(48);  // 2026-11-25 09:00 UTC
    event.minutes = 45;
    event.organizer = CalendarPerson{"Morgan", kMentee, true};
    event.attendees = {CalendarPerson{"Alex", kMentor, false}, event.organizer, CalendarPerson{"Sam", "", false}};
    return event;
  }

  std::vector<FakeGraphServer::Call> CallsTo(Route route) const {
    std::vector<FakeGraphServer::Call> found;
    for (auto& call : graph.Calls()) {
      if (call.route == route) found.push_back(call);
    }
    return found;
  }

  FakeClock clock{TestEpoch()};
  FakeGraphServer graph{kTenant, kClientId, kSecret};
  HttpClient http{seconds(5)};
  GraphCalendar calendar{Config(), http, clock};
};

TEST_F(GraphCalendarTest, CreatesTheEventWithATeamsMeetingInTheOrganizersMailbox) {
  const CalendarBooking booking = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(booking.status.done()) << booking.status.error;
  const auto events = graph.Events(kMentee);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(booking.event_id, events[0].id);
  EXPECT_EQ(booking.join_url, events[0].join_url);
  EXPECT_THAT(booking.join_url, ::testing::StartsWith("https://teams.microsoft.com/l/meetup-join/"));
  EXPECT_EQ(events[0].subject, "Reverse mentoring: Alex & Morgan");
  EXPECT_EQ(events[0].start, TestEpoch() + hours(48));
  EXPECT_EQ(events[0].end, TestEpoch() + hours(48) + minutes(45));
  EXPECT_THAT(events[0].attendees, ::testing::ElementsAre(kMentor)) << "not the organizer, nobody without an email";
  EXPECT_THAT(events[0].body_html, ::testing::HasSubstr("Agenda:<br>Growth &amp; &lt;feedback&gt;"));
  EXPECT_FALSE(events[0].allow_new_time_proposals);
  EXPECT_EQ(graph.calls(Route::kPatch), 0) << "the event made says what was asked: nothing to bring up to date";

  const auto creates = CallsTo(Route::kCreate);
  ASSERT_EQ(creates.size(), 1u);
  EXPECT_EQ(creates[0].path, "/v1.0/users/morgan@contoso.com/events");
  EXPECT_THAT(creates[0].authorization, ::testing::StartsWith("Bearer "));
  const json& body = creates[0].body;
  EXPECT_EQ(body["start"], json({{"dateTime", "2026-11-25T09:00:00"}, {"timeZone", "UTC"}}));
  EXPECT_EQ(body["end"], json({{"dateTime", "2026-11-25T09:45:00"}, {"timeZone", "UTC"}}));
  EXPECT_EQ(body["body"]["contentType"], "text");
  EXPECT_EQ(body["attendees"][0], json({{"emailAddress", {{"address", kMentor}, {"name", "Alex"}}}, {"type", "required"}}));
  EXPECT_EQ(body["isOnlineMeeting"], true);
  EXPECT_EQ(body["onlineMeetingProvider"], "teamsForBusiness");
  const std::string transaction = body["transactionId"];
  EXPECT_TRUE(std::regex_match(transaction, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
      << transaction;
}

TEST_F(GraphCalendarTest, AServerErrorIsRetriedIntoOneEvent) {
  graph.FailNext(Route::kCreate, 1, 500);
  const CalendarBooking failed = calendar.Put(kMentee, Session(), "");
  EXPECT_EQ(failed.status.outcome, Outcome::kRetry);
  EXPECT_EQ(failed.status.retry_after, seconds(0));
  EXPECT_TRUE(graph.Events(kMentee).empty());
  EXPECT_TRUE(calendar.Put(kMentee, Session(), "").status.done());
  EXPECT_EQ(graph.Events(kMentee).size(), 1u);
}

TEST_F(GraphCalendarTest, ACreateWhoseAnswerWasLostIsRetriedIntoTheSameEvent) {
  graph.LoseNextAnswer(Route::kCreate);
  EXPECT_EQ(calendar.Put(kMentee, Session(), "").status.outcome, Outcome::kRetry);
  ASSERT_EQ(graph.Events(kMentee).size(), 1u) << "Graph made it; the bot never heard";
  const CalendarBooking retried = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(retried.status.done()) << retried.status.error;
  EXPECT_EQ(retried.event_id, graph.Events(kMentee)[0].id);
  EXPECT_EQ(graph.Events(kMentee).size(), 1u) << "the transactionId deduplicated the retry";
  const auto creates = CallsTo(Route::kCreate);
  ASSERT_EQ(creates.size(), 2u);
  EXPECT_EQ(creates[0].body["transactionId"], creates[1].body["transactionId"]);
}

TEST_F(GraphCalendarTest, ARetriedCreateBringsTheEventTheLostTryMadeUpToDate) {
  graph.LoseNextAnswer(Route::kCreate);
  EXPECT_EQ(calendar.Put(kMentee, Session(), "").status.outcome, Outcome::kRetry);
  CalendarEvent moved = Session();  // changed before the retry: same uid, so the same transactionId
  moved.sequence = 1;
  moved.starts_at += hours(3);
  moved.description = "Agenda:\nHiring";
  const CalendarBooking retried = calendar.Put(kMentee, moved, "");
  ASSERT_TRUE(retried.status.done()) << retried.status.error;
  const auto events = graph.Events(kMentee);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(retried.event_id, events[0].id);
  EXPECT_EQ(events[0].start, moved.starts_at);
  EXPECT_THAT(events[0].body_html, ::testing::HasSubstr("Hiring"));
  EXPECT_EQ(retried.join_url, events[0].join_url) << "the meeting is kept";
  EXPECT_FALSE(events[0].join_url.empty());
  EXPECT_EQ(graph.calls(Route::kPatch), 1);
}

TEST_F(GraphCalendarTest, ARetriedCreateSeesANewAgendaAlone) {
  graph.LoseNextAnswer(Route::kCreate);
  EXPECT_EQ(calendar.Put(kMentee, Session(), "").status.outcome, Outcome::kRetry);
  CalendarEvent agenda = Session();
  agenda.sequence = 1;
  agenda.description = "Agenda:\nGrowth & <feedback>, then hiring";
  ASSERT_TRUE(calendar.Put(kMentee, agenda, "").status.done());
  EXPECT_EQ(graph.calls(Route::kPatch), 1);
  EXPECT_THAT(graph.Events(kMentee)[0].body_html, ::testing::HasSubstr("then hiring"));
}

TEST_F(GraphCalendarTest, ARetriedCreateWhoseEventWasDeletedMakesAFreshOne) {
  graph.LoseNextAnswer(Route::kCreate);
  EXPECT_EQ(calendar.Put(kMentee, Session(), "").status.outcome, Outcome::kRetry);
  ASSERT_TRUE(graph.DeleteEvent(kMentee, graph.Events(kMentee)[0].id));  // the organizer, in Outlook
  CalendarEvent moved = Session();
  moved.sequence = 1;
  moved.starts_at += hours(1);
  const CalendarBooking booking = calendar.Put(kMentee, moved, "");
  ASSERT_TRUE(booking.status.done()) << booking.status.error;
  const auto events = graph.Events(kMentee);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(events[0].deleted);
  EXPECT_EQ(events[1].id, booking.event_id);
  EXPECT_EQ(events[1].start, moved.starts_at);
}

TEST_F(GraphCalendarTest, ThrottlingIsRetriedAfterGraphsDelay) {
  graph.FailNext(Route::kCreate, 1, 429, 17);
  const CalendarBooking throttled = calendar.Put(kMentee, Session(), "");
  EXPECT_EQ(throttled.status.outcome, Outcome::kRetry);
  EXPECT_EQ(throttled.status.retry_after, seconds(17));
  graph.FailNext(Route::kCreate, 1, 503, 5);
  EXPECT_EQ(calendar.Put(kMentee, Session(), "").status.retry_after, seconds(5));
  EXPECT_TRUE(calendar.Put(kMentee, Session(), "").status.done());
  EXPECT_EQ(graph.Events(kMentee).size(), 1u);
}

TEST_F(GraphCalendarTest, ARefusedTokenIsFetchedAgainOnTheNextCall) {
  const CalendarBooking booking = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(booking.status.done());
  graph.RevokeTokens();
  CalendarEvent moved = Session();
  moved.starts_at += hours(24);
  moved.sequence = 1;
  const CalendarBooking refused = calendar.Put(kMentee, moved, booking.event_id);
  EXPECT_EQ(refused.status.outcome, Outcome::kRetry);
  EXPECT_EQ(graph.token_requests(), 1);
  EXPECT_TRUE(calendar.Put(kMentee, moved, booking.event_id).status.done());
  EXPECT_EQ(graph.token_requests(), 2);
  EXPECT_EQ(graph.Events(kMentee)[0].start, moved.starts_at);
}

TEST_F(GraphCalendarTest, AccessDeniedIsPermanentAndNamesGraphsCode) {
  graph.FailNext(Route::kCreate, 1, 403);
  const CalendarBooking denied = calendar.Put(kMentee, Session(), "");
  EXPECT_EQ(denied.status.outcome, Outcome::kPermanent);
  EXPECT_THAT(denied.status.error, ::testing::HasSubstr("ErrorAccessDenied"));
}

TEST_F(GraphCalendarTest, RefusedAppCredentialsArePermanentAndNeverShown) {
  GraphCalendar wrong(Config("not-the-secret"), http, clock);
  const CalendarBooking refused = wrong.Put(kMentee, Session(), "");
  EXPECT_EQ(refused.status.outcome, Outcome::kPermanent);
  EXPECT_THAT(refused.status.error, ::testing::Not(::testing::HasSubstr("not-the-secret")));
  EXPECT_EQ(graph.calls(Route::kCreate), 0);
}

TEST_F(GraphCalendarTest, AMoveUpdatesTheEventAndKeepsItsTeamsMeeting) {
  const CalendarBooking booking = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(booking.status.done());
  CalendarEvent moved = Session();
  moved.starts_at += hours(24);
  moved.minutes = 30;
  moved.sequence = 1;
  moved.description = "Agenda:\nHiring plans";
  const CalendarBooking updated = calendar.Put(kMentee, moved, booking.event_id);
  ASSERT_TRUE(updated.status.done()) << updated.status.error;
  EXPECT_EQ(updated.event_id, booking.event_id);
  EXPECT_EQ(updated.join_url, booking.join_url) << "the meeting survived the new body";
  const auto events = graph.Events(kMentee);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].start, moved.starts_at);
  EXPECT_EQ(events[0].end, moved.starts_at + minutes(30));
  EXPECT_THAT(events[0].body_html, ::testing::HasSubstr("Hiring plans"));
  EXPECT_THAT(events[0].body_html, ::testing::Not(::testing::HasSubstr("feedback")));
  const auto patches = CallsTo(Route::kPatch);
  ASSERT_EQ(patches.size(), 1u);
  EXPECT_EQ(patches[0].path, "/v1.0/users/morgan@contoso.com/events/" + booking.event_id);
  EXPECT_EQ(patches[0].body["isOnlineMeeting"], true);
  EXPECT_EQ(patches[0].body["onlineMeetingProvider"], "teamsForBusiness");
  EXPECT_FALSE(patches[0].body.contains("transactionId"));
}

TEST_F(GraphCalendarTest, AnUpdateIsRetriedThroughFaultsIntoOneEvent) {
  const CalendarBooking booking = calendar.Put(kMentee, Session(), "");
  CalendarEvent moved = Session();
  moved.starts_at += hours(2);
  moved.sequence = 1;
  graph.FailNext(Route::kPatch, 1, 500);
  EXPECT_EQ(calendar.Put(kMentee, moved, booking.event_id).status.outcome, Outcome::kRetry);
  graph.LoseNextAnswer(Route::kPatch);
  EXPECT_EQ(calendar.Put(kMentee, moved, booking.event_id).status.outcome, Outcome::kRetry);
  const CalendarBooking updated = calendar.Put(kMentee, moved, booking.event_id);
  ASSERT_TRUE(updated.status.done()) << updated.status.error;
  EXPECT_EQ(updated.join_url, booking.join_url);
  ASSERT_EQ(graph.Events(kMentee).size(), 1u);
  EXPECT_EQ(graph.Events(kMentee)[0].start, moved.starts_at);
}

TEST_F(GraphCalendarTest, AnEventTheOrganizerDeletedIsMadeAgain) {
  const CalendarBooking booking = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(graph.DeleteEvent(kMentee, booking.event_id));
  CalendarEvent moved = Session();
  moved.starts_at += hours(24);
  moved.sequence = 1;
  const CalendarBooking again = calendar.Put(kMentee, moved, booking.event_id);
  ASSERT_TRUE(again.status.done()) << again.status.error;
  EXPECT_NE(again.event_id, booking.event_id) << "not the deleted one the first transactionId names";
  EXPECT_FALSE(again.join_url.empty());
  const auto events = graph.Events(kMentee);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(events[0].deleted);
  EXPECT_FALSE(events[1].deleted);
  EXPECT_EQ(events[1].start, moved.starts_at);
}

TEST_F(GraphCalendarTest, ACancelReachesEveryoneOnceAndAGoneEventIsDone) {
  const CalendarBooking booking = calendar.Put(kMentee, Session(), "");
  graph.FailNext(Route::kCancel, 1, 503, 9);
  const CalendarCallStatus busy = calendar.Cancel(kMentee, booking.event_id, "Alex left the program");
  EXPECT_EQ(busy.outcome, Outcome::kRetry);
  EXPECT_EQ(busy.retry_after, seconds(9));
  graph.LoseNextAnswer(Route::kCancel);
  EXPECT_EQ(calendar.Cancel(kMentee, booking.event_id, "Alex left the program").outcome, Outcome::kRetry);
  EXPECT_TRUE(calendar.Cancel(kMentee, booking.event_id, "Alex left the program").done());
  const auto events = graph.Events(kMentee);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].cancelled);
  EXPECT_EQ(events[0].cancel_comment, "Alex left the program");
  EXPECT_EQ(CallsTo(Route::kCancel).back().path, "/v1.0/users/morgan@contoso.com/events/" + booking.event_id + "/cancel");

  EXPECT_TRUE(calendar.Cancel(kMentee, booking.event_id, "again").done())
      << "404: a cancelled event moved to Deleted Items under another id";
  const int cancels = graph.calls(Route::kCancel);
  EXPECT_TRUE(calendar.Cancel(kMentee, "", "never made").done());
  EXPECT_EQ(graph.calls(Route::kCancel), cancels);
}

TEST_F(GraphCalendarTest, BookingAgainAfterACancelMakesANewEventWithItsOwnMeeting) {
  const CalendarBooking booking = calendar.Put(kMentee, Session(), "");
  ASSERT_TRUE(calendar.Cancel(kMentee, booking.event_id, "paused").done());  // a pause over the date
  CalendarEvent resumed = Session();
  resumed.sequence = 2;
  const CalendarBooking again = calendar.Put(kMentee, resumed, booking.event_id);
  ASSERT_TRUE(again.status.done()) << again.status.error;
  EXPECT_NE(again.event_id, booking.event_id);
  const auto events = graph.Events(kMentee);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(events[0].cancelled);
  EXPECT_FALSE(events[1].cancelled);
  EXPECT_EQ(again.join_url, events[1].join_url);
  EXPECT_FALSE(again.join_url.empty());
}

TEST_F(GraphCalendarTest, FreeBusyIsReadInUtcAsTimesOnly) {
  const TimePoint day = TestEpoch() + hours(24);  // 2026-11-24 09:00 UTC
  graph.SetBusy(kMentor, {{day + hours(1), day + hours(2), "busy", "Secret merger talks", "CEO office"},
                          {day + hours(4), day + hours(4) + minutes(30), "Tentative", "Maybe lunch", ""},
                          {day + hours(5), day + hours(6), "free", "Focus", ""},
                          {day + hours(6), day + hours(7), "workingElsewhere", "From home", ""},
                          {day + hours(24), day + hours(32), "oof", "Holiday", ""}});
  graph.SetUnreadable("ghost@contoso.com");
  const CalendarAvailability availability =
      calendar.FreeBusy(kMentee, {"Alex@Contoso.com", "ghost@contoso.com"}, day, day + hours(48));
  ASSERT_TRUE(availability.status.done()) << availability.status.error;
  ASSERT_EQ(availability.busy.size(), 1u) << "a calendar that cannot be read is left out";
  const auto& busy = availability.busy.at("Alex@Contoso.com");
  ASSERT_EQ(busy.size(), 3u);
  EXPECT_EQ(busy[0].start, day + hours(1));
  EXPECT_EQ(busy[0].end, day + hours(2));
  EXPECT_EQ(busy[1].start, day + hours(4)) << "tentative blocks the time";
  EXPECT_EQ(busy[2].end, day + hours(32)) << "out of office blocks it";
  // Only times can come back: BusyInterval holds nothing else (no subject, no location).
  static_assert(sizeof(BusyInterval) == 2 * sizeof(TimePoint));

  const auto asked = CallsTo(Route::kSchedule);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].path, "/v1.0/users/morgan@contoso.com/calendar/getSchedule");
  EXPECT_EQ(asked[0].prefer, "outlook.timezone=\"UTC\"");
  EXPECT_EQ(asked[0].body["startTime"], json({{"dateTime", "2026-11-24T09:00:00"}, {"timeZone", "UTC"}}));
  EXPECT_EQ(asked[0].body["availabilityViewInterval"], 30);
}

TEST_F(GraphCalendarTest, TheTokenIsCachedUntilFiveMinutesBeforeItExpires) {
  ASSERT_TRUE(calendar.Put(kMentee, Session(), "").status.done());
  ASSERT_TRUE(calendar.FreeBusy(kMentee, {kMentor}, TestEpoch(), TestEpoch() + hours(24)).status.done());
  EXPECT_EQ(graph.token_requests(), 1);
  clock.Advance(seconds(3599 - 300 - 1));
  ASSERT_TRUE(calendar.FreeBusy(kMentee, {kMentor}, TestEpoch(), TestEpoch() + hours(24)).status.done());
  EXPECT_EQ(graph.token_requests(), 1);
  clock.Advance(seconds(2));
  ASSERT_TRUE(calendar.FreeBusy(kMentee, {kMentor}, TestEpoch(), TestEpoch() + hours(24)).status.done());
  EXPECT_EQ(graph.token_requests(), 2);
}

// Why the update keeps the body's meeting blob: the fake, like Graph, drops
// the Teams meeting when a PATCH's body lacks it or isOnlineMeeting is false.
TEST_F(GraphCalendarTest, TheFakeDropsTheMeetingWhenAPatchLosesIt) {
  ClientCredentialsTokens tokens(graph.login_base_url() + "/" + kTenant + "/oauth2/v2.0/token", kClientId, kSecret,
                                 GraphCalendar::kScope, http, clock);
  const std::map<std::string, std::string> headers{{"Authorization", "Bearer " + tokens.Get().value()}};
  const std::vector<json> patches{json{{"body", {{"contentType", "text"}, {"content", "plain"}}}, {"isOnlineMeeting", true}},
                                  json{{"isOnlineMeeting", false}}};
  for (std::size_t round = 0; round < patches.size(); ++round) {
    CalendarEvent event = Session();
    event.uid += "-" + std::to_string(round);  // a transactionId of its own
    const CalendarBooking booking = calendar.Put(kMentee, event, "");
    ASSERT_FALSE(booking.join_url.empty());
    auto answer = http.Patch(graph.api_base_url() + "/users/" + kMentee + "/events/" + booking.event_id, headers,
                             patches[round].dump(), "application/json");
    ASSERT_TRUE(answer.ok());
    EXPECT_EQ(answer->status, 200);
    EXPECT_TRUE(json::parse(answer->body)["onlineMeeting"].is_null()) << patches[round].dump();
  }
}

TEST(GraphReadingTest, MalformedAnswersNeverThrow) {
  for (const char* text : {"", "[]", "{\"value\": 3}", "{\"value\": [1, {\"scheduleId\": 5}]}",
                           "{\"value\": [{\"scheduleId\": \"a@b.c\", \"scheduleItems\": {}}]}",
                           "{\"value\": [{\"scheduleId\": \"a@b.c\", \"scheduleItems\": [{\"status\": \"busy\", "
                           "\"start\": {\"dateTime\": \"2026-13-40T99:00:00\", \"timeZone\": \"UTC\"}}]}]}"}) {
    const json answer = json::parse(text, nullptr, false);
    auto busy = ReadGraphSchedule(answer, {"a@b.c"});
    EXPECT_TRUE(!busy || busy->empty()) << text;
  }
  // Without scheduleItems a schedule is free only when its availabilityView says so.
  const json no_items = json::parse(R"({"value": [{"scheduleId": "a@b.c", "availabilityView": "0020"},
                                                 {"scheduleId": "d@e.f", "availabilityView": "0000"}]})");
  const auto read = ReadGraphSchedule(no_items, {"a@b.c", "d@e.f"});
  ASSERT_TRUE(read);
  EXPECT_EQ(read->count("a@b.c"), 0u) << "busy somewhere, but not known when: unreadable";
  ASSERT_EQ(read->count("d@e.f"), 1u);
  EXPECT_TRUE(read->at("d@e.f").empty());
  EXPECT_FALSE(ReadGraphUtcDateTime(json({{"dateTime", "2026-11-24T09:00:00"}, {"timeZone", "Pacific Standard Time"}})));
  EXPECT_EQ(ReadGraphUtcDateTime(json({{"dateTime", "2026-11-24T09:30:15.0000000"}, {"timeZone", "UTC"}})),
            TestEpoch() + hours(24) + minutes(30) + seconds(15));
}

}  // namespace
}  // namespace mentorbot
