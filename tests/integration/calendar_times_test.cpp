// Suggested times from calendar services through the real binary (the
// fixture is calendar_services_fixture.h): the mentee types `schedule`
// without a time, is told at once that the bot looks in both calendars,
// and the calendar worker reads both people's busy times (Graph's
// getSchedule, Google's freeBusy query, as the mentee) and sends three
// times in a DM; picking one proposes it to the mentor. The bot runs on the
// wall clock, so the busy times are laid over the coming work days and the
// expected times follow from them. A free/busy outage still ends in three
// times, from working hours only.
#include <date/tz.h>

#include "tests/integration/calendar_services_fixture.h"
#include "tests/support/fixtures.h"
#include "tests/support/slack_signing.h"

namespace mentorbot::calendar_services {
namespace {

using ::testing::IsEmpty;
using std::chrono::hours;
using std::chrono::minutes;

constexpr minutes kSessionLength{45};  // the program's default
constexpr int kWindowDays = 21;        // the default cadence: how far ahead times are looked for

const date::time_zone* Zone(const char* name) { return date::locate_zone(name); }

// `day` at hh:mm in the mentee's zone.
TimePoint MenteeTime(date::local_days day, int hour, int minute = 0) {
  return date::floor<std::chrono::seconds>(
      Zone(kMenteeZone)->to_sys(day + hours(hour) + minutes(minute), date::choose::earliest));
}
// What `schedule` reads: "2030-01-15 13:00" in the mentee's zone.
std::string Typed(TimePoint time) { return date::format("%F %R", date::make_zoned(Zone(kMenteeZone), time)); }
std::optional<TimePoint> ReadTyped(const std::string& typed) {
  std::istringstream in(typed);
  date::local_seconds local;
  in >> date::parse("%F %R", local);
  if (in.fail()) return std::nullopt;
  return Zone(kMenteeZone)->to_sys(local, date::choose::earliest);
}

// The next `count` work days (Monday to Friday) after today in the mentee's zone.
std::vector<date::local_days> NextWorkDays(TimePoint now, std::size_t count) {
  std::vector<date::local_days> days;
  for (auto day = date::floor<date::days>(Zone(kMenteeZone)->to_local(now)) + date::days(1); days.size() < count;
       day += date::days(1)) {
    if (date::weekday(day) != date::Saturday && date::weekday(day) != date::Sunday) days.push_back(day);
  }
  return days;
}

// A session from `start` lies in 09:00-17:00 of one work day in `zone`.
bool InWorkingHours(const char* zone, TimePoint start) {
  const auto local = Zone(zone)->to_local(start);
  const auto day = date::floor<date::days>(local);
  const auto end = Zone(zone)->to_local(start + kSessionLength);
  return date::weekday(day) != date::Saturday && date::weekday(day) != date::Sunday && local - day >= hours(9) &&
         end - day <= hours(17);
}

// The suggested-time buttons of a message, in order.
std::vector<json> TimeButtons(const json& message) {
  std::vector<json> buttons;
  for (const json& block : message.value("blocks", json::array())) {
    if (block.value("type", "") != "actions") continue;
    for (const json& element : block.value("elements", json::array())) {
      if (element.value("action_id", "").rfind("schedule#", 0) == 0) buttons.push_back(element);
    }
  }
  return buttons;
}

// Three times on different days, on half-hour marks, inside both people's
// working hours and outside every busy interval given.
void ExpectSessionsFit(const std::vector<json>& buttons, const std::vector<BusyInterval>& busy) {
  EXPECT_EQ(buttons.size(), 3u);
  std::set<std::string> days;
  for (const json& button : buttons) {
    const std::string typed = button.value("value", "");
    const auto start = ReadTyped(typed);
    ASSERT_TRUE(start) << typed;
    days.insert(typed.substr(0, 10));
    EXPECT_EQ(start->time_since_epoch() % minutes(30), minutes(0)) << typed;
    EXPECT_TRUE(InWorkingHours(kMenteeZone, *start)) << typed << " in the mentee's working hours";
    EXPECT_TRUE(InWorkingHours(kMentorZone, *start)) << typed << " in the mentor's working hours";
    for (const BusyInterval& interval : busy) {
      EXPECT_FALSE(interval.start < *start + kSessionLength && interval.end > *start)
          << typed << " overlaps busy " << UtcText(interval.start) << " - " << UtcText(interval.end);
    }
  }
  EXPECT_EQ(days.size(), buttons.size()) << "one time a day";
}

}  // namespace

json CalendarServicesTest::AskForTimes(const std::string& wording) {
  const std::string reply = pair.Mentee("schedule");
  EXPECT_THAT(reply, HasSubstr("Looking in your and "));
  EXPECT_THAT(reply, HasSubstr("calendars for times you are both free"));
  return WaitForDm("UMENTEE", wording);
}

void CalendarServicesTest::PressInMenteeDm(const json& message, const json& button) {
  const std::string channel = "D" + pair.mentee().user;
  json press = json::parse(ReadFixture("slack_block_actions.json"));
  press["user"]["id"] = pair.mentee().user;
  press["actions"][0] = {{"action_id", button.at("action_id")}, {"block_id", "times"}, {"text", button.at("text")},
                         {"value", button.at("value")}, {"type", "button"}, {"action_ts", "1700000300.000100"}};
  press["container"] = {{"type", "message"}, {"message_ts", message.at("ts")}, {"channel_id", channel},
                        {"is_ephemeral", false}};
  press["channel"]["id"] = channel;
  press["trigger_id"] = "trigger-pick-a-time";
  const auto result = PostSigned(bot->port(), kSlackSecret, "/slack/interactions",
                                 FormEncode({{"payload", press.dump(-1, ' ', /*ensure_ascii=*/true)}}),
                                 "application/x-www-form-urlencoded");
  EXPECT_EQ(result.status, 200) << result.body;
}

// The mentee is busy today and the next work day, and the fourth morning
// until 11:15; the mentor the second work day and the third until 13:00,
// and the fifth until 14:00. Each day's first free half-hour mark when both
// are working is suggested, the fully booked days skipped.
void CalendarServicesTest::TimesAvoidBothCalendarsThenAPickIsProposed() {
  const TimePoint now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto day = NextWorkDays(now, 5);
  const std::vector<BusyInterval> mentee_busy = {{now - hours(1), MenteeTime(day[1], 0)},
                                                 {MenteeTime(day[3], 9), MenteeTime(day[3], 11, 15)}};
  const std::vector<BusyInterval> mentor_busy = {{MenteeTime(day[1], 0), MenteeTime(day[2], 13)},
                                                 {MenteeTime(day[4], 0), MenteeTime(day[4], 14)}};
  SetBusy(kMenteeEmail, mentee_busy);
  SetBusy(kMentorEmail, mentor_busy);
  ASSERT_NO_FATAL_FAILURE(StartAndPair());

  const json times = AskForTimes("You are both free then in your calendars");
  ASSERT_FALSE(times.is_null());
  const std::vector<json> buttons = TimeButtons(times);
  const std::vector<TimePoint> expected = {MenteeTime(day[2], 13), MenteeTime(day[3], 11, 30), MenteeTime(day[4], 14)};
  ASSERT_EQ(buttons.size(), expected.size()) << times.dump(2);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(buttons[i].value("value", ""), Typed(expected[i]));
    EXPECT_THAT(buttons[i].dump(), HasSubstr(Typed(expected[i]).substr(11) + " CE")) << "labelled in CET/CEST";
  }
  std::vector<BusyInterval> busy = mentee_busy;
  busy.insert(busy.end(), mentor_busy.begin(), mentor_busy.end());
  ExpectSessionsFit(buttons, busy);

  // One read, as the mentee, of both people over the coming cadence.
  const std::vector<FreeBusyCall> reads = FreeBusyCalls();
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].acting_as, kMenteeEmail);
  EXPECT_EQ(reads[0].emails, (std::set<std::string>{kMenteeEmail, kMentorEmail}));
  ASSERT_TRUE(reads[0].from && reads[0].until);
  EXPECT_LE(std::chrono::abs(*reads[0].from - now), std::chrono::minutes(1));
  EXPECT_EQ(*reads[0].until - *reads[0].from, date::days(kWindowDays));
  // Only busy times: no event (so no other meeting's subject) is asked for or shown.
  EXPECT_THAT(OtherCalls(), IsEmpty());
  for (const json& posted : slack.PostedMessages()) {
    EXPECT_THAT(posted.dump(), Not(HasSubstr(kHiddenSubject)));
    EXPECT_THAT(posted.dump(), Not(HasSubstr(kHiddenLocation)));
  }
  EXPECT_THAT(bot->Log(), Not(HasSubstr(kHiddenSubject)));

  // The first time, picked, is proposed to the mentor as if typed; confirmed, it is booked then.
  PressInMenteeDm(times, buttons[0]);
  ASSERT_TRUE(pair.ConfirmWithButton());
  const auto booked = WaitForOnlyEvent([](const BookedEvent& e) { return !e.gone; }, "the picked time booked");
  ASSERT_TRUE(booked);
  EXPECT_EQ(booked->start, UtcText(expected[0]));
  EXPECT_EQ(booked->people, (std::set<std::string>{kMenteeEmail, kMentorEmail}));
}

// The mentee's calendar is full, but the service answers 503 every time:
// after three tries the times come from working hours alone, and say so.
void CalendarServicesTest::TimesFromWorkingHoursWhenFreeBusyIsDown() {
  const TimePoint now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  SetBusy(kMenteeEmail, {{now - hours(1), now + date::days(kWindowDays + 1)}});
  FailFreeBusy(100, 503);
  ASSERT_NO_FATAL_FAILURE(StartAndPair());

  const json times = AskForTimes("could not read your calendars");
  ASSERT_FALSE(times.is_null());
  EXPECT_THAT(times.dump(), Not(HasSubstr("You are both free")));
  ExpectSessionsFit(TimeButtons(times), {});
  EXPECT_EQ(FreeBusyCalls().size(), 3u) << "tried three times, then gave up on the calendars";
  ExpectNothingGivenUp();
}

TEST_F(CalendarServicesGraphTest, ScheduleWithoutATimeSuggestsTimesFreeInBothMailboxes) {
  TimesAvoidBothCalendarsThenAPickIsProposed();
  if (HasFatalFailure()) return;
  for (const auto& call : graph.Calls()) {
    if (call.route == Route::kSchedule) {
      EXPECT_EQ(call.path, std::string("/v1.0/users/") + kMenteeEmail + "/calendar/getSchedule");
      EXPECT_EQ(call.body.value("availabilityViewInterval", 0), 30);
    }
  }
}

TEST_F(CalendarServicesGraphTest, ScheduleWithoutATimeFallsBackToWorkingHoursWhenGetScheduleFails) {
  TimesFromWorkingHoursWhenFreeBusyIsDown();
}

TEST_F(CalendarServicesGoogleTest, ScheduleWithoutATimeSuggestsTimesFreeInBothCalendars) {
  TimesAvoidBothCalendarsThenAPickIsProposed();
  if (HasFatalFailure()) return;
  EXPECT_TRUE(google.RefusedGrants().empty());
  for (const auto& call : google.Calls()) {
    EXPECT_EQ(call.mailbox, kMenteeEmail) << "acting as the mentee: " << call.path;
  }
}

}  // namespace mentorbot::calendar_services
