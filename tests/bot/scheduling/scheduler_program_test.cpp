// A whole program through the scheduler: three pairs (mentees in Berlin,
// New York and Kolkata, mentors in London) hold six sessions each, every 21
// days on Wednesdays at 10:00 in the mentee's zone, from February to May 2027
// — across the US (14 March) and European (28 March) clock changes. The
// simulation jumps from one due time to the next, as the server loop does,
// and the exact local send time of every message is asserted.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <map>

#include "bot/engine/scheduling/scheduler.h"
#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

TimePoint Local(const std::string& zone, date::local_seconds local) {
  return date::floor<std::chrono::seconds>(date::locate_zone(zone)->to_sys(local));
}
std::string LocalText(TimePoint time, const std::string& zone) {
  return date::format("%a %H:%M", date::make_zoned(zone, time));
}

struct PairSetup {
  std::string mentee_zone;
  UserRef mentor, mentee;
};

class SchedulerProgramTest : public ::testing::Test {
 protected:
  SchedulerProgramTest() : bot(Settings()) {}
  static ProgramSettings Settings() { return EngineHarness::DefaultSettings(); }

  void EnrolThreePairs() {
    bot.clock().Set(Local("UTC", date::local_days(date::year(2027) / 1 / 29) + hours(12)));  // a Friday
    int i = 0;
    for (const char* zone : {"Europe/Berlin", "America/New_York", "Asia/Kolkata"}) {
      PairSetup pair{zone, EngineHarness::SlackUser("UMENTOR" + std::to_string(i)),
                     EngineHarness::SlackUser("UMENTEE" + std::to_string(i))};
      bot.Say(pair.mentor, "join mentor");
      bot.Say(pair.mentor, "profile set timezone Europe/London");
      bot.Say(pair.mentee, "join mentee");
      bot.Say(pair.mentee, std::string("profile set timezone ") + zone);
      bot.Say(EngineHarness::SlackUser("UADMIN"),
              "admin pair <@" + pair.mentor.user_id + "> <@" + pair.mentee.user_id + ">");
      pairs.push_back(pair);
      ++i;
    }
  }

  // Ticks at `now`, records what was queued with the recipient.
  void TickAndRecord(Scheduler& scheduler) {
    auto report = scheduler.Tick(bot.clock().Now());
    ASSERT_TRUE(report.ok()) << report.status().message();
    for (auto& item : report->queued) sent.push_back(std::move(item));
    next_due = report->next_due;
  }

  // Runs the scheduler until `until`, jumping from due time to due time.
  void RunUntil(Scheduler& scheduler, TimePoint until) {
    while (true) {
      TickAndRecord(scheduler);
      if (!next_due || *next_due > until) break;
      bot.clock().Set(std::max(*next_due, bot.clock().Now()));
    }
    bot.clock().Set(until);
    TickAndRecord(scheduler);
  }

  EngineHarness bot;
  std::vector<PairSetup> pairs;
  std::vector<TickReport::Item> sent;
  std::optional<TimePoint> next_due;
};

TEST_F(SchedulerProgramTest, SixSessionsThreeZonesTwoClockChangesEveryMessageAtTheRightLocalTime) {
  EnrolThreePairs();
  Scheduler scheduler(bot.store(), Settings());
  const auto first_session = date::local_days(date::year(2027) / 2 / 3) + hours(10);  // Wednesday
  for (int session = 0; session < 6; ++session) {
    const auto local_start = first_session + days(21 * session);
    // Each mentee books the next session right after the previous one (the
    // first on the Friday before), the mentor confirms; the scheduler runs up
    // to the evening before, when the mentee sets the agenda.
    for (const auto& pair : pairs) {
      const std::string when = date::format("%F %H:%M", local_start);
      bot.Say(pair.mentee, "schedule " + when);
      bot.Say(pair.mentor, "confirm");
    }
    RunUntil(scheduler, Local("UTC", local_start - days(1)) - hours(12));
    for (const auto& pair : pairs) bot.Say(pair.mentee, "agenda Session " + std::to_string(session + 1));
    // Meet, write takeaways and rate right after each session ends (in the Kolkata pair's case, before London wakes).
    const TimePoint latest_end = Local("America/New_York", local_start) + minutes(45);
    RunUntil(scheduler, latest_end + minutes(1));
    for (const auto& pair : pairs) {
      bot.Say(pair.mentee, "met");
      bot.Say(pair.mentee, "takeaways Notes " + std::to_string(session + 1));
      bot.Say(pair.mentee, "feedback 5");
      bot.Say(pair.mentor, "feedback 5");
    }
    RunUntil(scheduler, latest_end + days(6));
  }

  // Tally every message by (recipient, kind) with its local send time.
  std::map<std::string, std::vector<std::string>> by_recipient_kind;
  for (const auto& item : sent) {
    if (item.key.rfind("digest:", 0) == 0) continue;  // the admins' weekly digest: not a pair message
    // Keys read "session:<id>:<kind>:…", "session:<id>:reminder:<hours>:…" or "pair:<id>:<kind>:…".
    std::vector<std::string> parts;
    for (std::size_t at = 0, next; at <= item.key.size(); at = next + 1) {
      next = std::min(item.key.find(':', at), item.key.size());
      parts.push_back(item.key.substr(at, next - at));
    }
    const std::string kind = parts[2] == "reminder" ? "reminder:" + parts[3] : parts[2];
    const std::string zone = item.to.user_id.rfind("UMENTOR", 0) == 0
                                 ? "Europe/London"
                                 : pairs[static_cast<std::size_t>(item.to.user_id.back() - '0')].mentee_zone;
    by_recipient_kind[item.to.user_id + " " + kind].push_back(LocalText(item.send_at, zone));
  }
  auto expect_all = [&](const std::string& recipient_kind, const std::string& local_time) {
    const auto& times = by_recipient_kind[recipient_kind];
    EXPECT_EQ(times.size(), 6u) << recipient_kind;
    for (const auto& time : times) EXPECT_EQ(time, local_time) << recipient_kind;
  };
  for (int i = 0; i < 3; ++i) {
    const std::string mentee = "UMENTEE" + std::to_string(i);
    // Each mentee: the agenda nudge 48 h before, reminders 24 h and 1 h before, all at the same
    // local time of day before and after the clock change.
    expect_all(mentee + " agenda-nudge", "Mon 10:00");
    expect_all(mentee + " reminder:24", "Tue 10:00");
    expect_all(mentee + " reminder:1", "Wed 09:00");
  }
  // London mentors see the same moments in their own zone, except those that fall in their
  // quiet hours, which wait for 08:00 — but never the last reminder before a session.
  EXPECT_EQ(by_recipient_kind["UMENTOR0 reminder:24"].front(), "Tue 09:00");  // Berlin 10:00 in winter
  EXPECT_EQ(by_recipient_kind["UMENTOR0 reminder:24"].back(), "Tue 09:00");   // and in summer (both changed)
  EXPECT_EQ(by_recipient_kind["UMENTOR1 reminder:24"].front(), "Tue 15:00");  // New York 10:00, before either change
  EXPECT_EQ(by_recipient_kind["UMENTOR1 reminder:24"][2], "Tue 14:00");      // 16 March: US changed, UK not yet
  EXPECT_EQ(by_recipient_kind["UMENTOR1 reminder:24"].back(), "Tue 15:00");  // both in summer time
  EXPECT_EQ(by_recipient_kind["UMENTOR2 reminder:24"].front(), "Tue 08:00");  // Kolkata 10:00 = 04:30 London: held
  EXPECT_EQ(by_recipient_kind["UMENTOR2 reminder:1"].front(), "Wed 03:30");   // the last reminder is never held
  EXPECT_EQ(by_recipient_kind["UMENTOR2 reminder:1"].back(), "Wed 04:30");    // London in summer time, India not
  // Everyone met, wrote and rated promptly: no nudges, no prompts, no stall; one milestone each.
  for (const auto& [recipient_kind, times] : by_recipient_kind) {
    EXPECT_EQ(recipient_kind.find("takeaways-nudge"), std::string::npos) << recipient_kind;
    EXPECT_EQ(recipient_kind.find("stall"), std::string::npos) << recipient_kind;
    EXPECT_EQ(recipient_kind.find("feedback-prompt"), std::string::npos) << recipient_kind;
  }
  for (int i = 0; i < 3; ++i) expect_all("UMENTEE" + std::to_string(i) + " checkin", "Wed 10:45");
  expect_all("UMENTOR0 checkin", "Wed 09:45");
  expect_all("UMENTOR2 checkin", "Wed 08:00");  // 05:15 or 06:15 in London: quiet, held to 08:00
  EXPECT_EQ(by_recipient_kind["UMENTOR1 checkin"],
            (std::vector<std::string>{"Wed 15:45", "Wed 15:45", "Wed 14:45", "Wed 15:45", "Wed 15:45", "Wed 15:45"}));
  // Per pair and session: an agenda nudge, four reminders, two check-ins; then two milestones;
  // the opening and the closing pulse survey to each member.
  std::size_t pair_messages = 0;
  for (const auto& item : sent) pair_messages += item.key.rfind("digest:", 0) != 0;
  EXPECT_EQ(pair_messages, 3u * (6u * 7u + 2u + 4u));
  EXPECT_EQ(by_recipient_kind["UMENTEE0 milestone"].size(), 1u);
  EXPECT_EQ(by_recipient_kind["UMENTOR2 milestone"].size(), 1u);
  EXPECT_EQ(by_recipient_kind["UMENTEE0 pulse"].size(), 2u) << "pre and post";
}

}  // namespace
}  // namespace mentorbot
