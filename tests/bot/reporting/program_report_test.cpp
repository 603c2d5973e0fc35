// admin report over a program with a known history: exact figures, changes
// since the last report, the pulse shift, and small groups hidden.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bot/engine/reporting/program_report.h"
#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using std::chrono::days;
using std::chrono::hours;

class ProgramReportTest : public ::testing::Test {
 protected:
  // Six pairs: mentors in Research; mentees in Finance but the sixth in Legal.
  ProgramReportTest() {
    for (int i = 1; i <= 6; ++i) {
      const UserRef m = Mentor(i), e = Mentee(i);
      bot.Say(m, "join mentor");
      bot.Say(m, "profile set department Research");
      bot.Say(m, "profile set level 2");
      bot.Say(e, "join mentee");
      bot.Say(e, std::string("profile set department ") + (i == 6 ? "Legal" : "Finance"));
      bot.Say(e, "profile set level 9");
      bot.Say(admin, "admin pair <@" + m.user_id + "> <@" + e.user_id + ">");
    }
  }
  static UserRef Mentor(int i) { return EngineHarness::SlackUser("UM" + std::to_string(i)); }
  static UserRef Mentee(int i) { return EngineHarness::SlackUser("UE" + std::to_string(i)); }
  ProgramReport Report() {
    ProgramReport report;
    EXPECT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
      report = ComputeProgramReport(tx, LoadRules(tx.program()), bot.clock().Now());
    }).ok());
    return report;
  }
  // Pair 1 holds a scheduled session with agenda and takeaways, rates it,
  // and answers the opening pulse survey.
  void FirstSession() {
    bot.Say(Mentee(1), "schedule tomorrow 15:00");
    bot.Say(Mentor(1), "confirm");
    bot.Say(Mentee(1), "agenda How juniors experience our reviews");
    bot.clock().Advance(days(2));
    ASSERT_THAT(bot.Say(Mentee(1), "met"), HasSubstr("1 of 6"));
    bot.Say(Mentee(1), "takeaways Ask before deciding.");
    bot.Say(Mentee(1), "feedback 5");
    bot.Say(Mentor(1), "feedback 3");
    bot.Say(Mentee(1), "pulse pre 2 3 4");
    bot.Say(Mentor(1), "pulse pre 4 4 4");
  }

  EngineHarness bot;
  const UserRef admin = EngineHarness::SlackUser("UADMIN");
};

TEST_F(ProgramReportTest, AKnownHistoryGivesExactlyTheExpectedFigures) {
  FirstSession();
  bot.clock().Advance(days(20));
  bot.Say(Mentee(1), "met");  // an unscheduled second session: no agenda, no takeaways
  bot.Say(admin, "admin unpair <@UE2>");
  bot.Say(Mentee(2), "leave");
  bot.Say(Mentee(3), "pause 14");
  const ProgramReport report = Report();
  const ReportFigures& f = report.figures;
  EXPECT_EQ(f.at("mentors"), 6);
  EXPECT_EQ(f.at("mentees"), 5) << "UE2 left";
  EXPECT_EQ(f.at("pairs_active"), 4);
  EXPECT_EQ(f.at("pairs_paused"), 1);
  EXPECT_EQ(f.at("pairs_ended"), 1);
  EXPECT_EQ(f.at("sessions_held"), 2);
  // 22 days in, cadence 21: one session expected from each of the five pairs
  // still open, and none from pair 2, ended on day 22 but started on day 0 → 1.
  EXPECT_EQ(f.at("sessions_expected"), 6);
  EXPECT_EQ(f.at("pairs_on_track"), 1) << "only pair 1 met within the cadence";
  EXPECT_EQ(f.at("pairs_reached_target"), 0);
  // From day 1 at 15:00 (the harness's default zone is UTC) to day 22 at the epoch's 09:00.
  EXPECT_NEAR(f.at("median_days_between_sessions"), 20.75, 1e-9);
  EXPECT_DOUBLE_EQ(f.at("takeaway_rate"), 0.5);
  EXPECT_DOUBLE_EQ(f.at("agenda_rate"), 1.0) << "the only scheduled session had its agenda ahead";
  EXPECT_DOUBLE_EQ(f.at("mean_feedback_mentees"), 5.0);
  EXPECT_DOUBLE_EQ(f.at("mean_feedback_mentors"), 3.0);
  EXPECT_EQ(f.at("left_early"), 1);
  EXPECT_NEAR(f.at("retention"), 11.0 / 12, 1e-9);
  ASSERT_EQ(report.pulse.size(), 3u);
  EXPECT_DOUBLE_EQ(*report.pulse[0].before, 3.0);
  EXPECT_FALSE(report.pulse[0].after);
  EXPECT_EQ(report.pulse[2].answers_before, 2);
}

TEST_F(ProgramReportTest, SmallGroupsAreHiddenFromBreakdowns) {
  const ProgramReport report = Report();
  const Breakdown& departments = report.breakdowns.at(0);
  ASSERT_EQ(departments.by, "department");
  ASSERT_EQ(departments.groups.size(), 2u);
  EXPECT_EQ(departments.groups[0].group, "Finance");
  EXPECT_EQ(departments.groups[0].people, 5);
  EXPECT_EQ(departments.groups[1].group, "Research");
  EXPECT_EQ(departments.hidden, 1) << "Legal has one person";
  const std::string text = bot.Say(admin, "admin report");
  EXPECT_THAT(text, Not(HasSubstr("Legal")));
  EXPECT_THAT(text, HasSubstr("1 smaller group not shown"));
  EXPECT_THAT(text, HasSubstr("Finance: 5 persons")) << text;
}

TEST_F(ProgramReportTest, EachReportShowsTheChangeSinceTheLastOne) {
  const std::string first = bot.Say(admin, "admin report");
  EXPECT_THAT(first, HasSubstr("Sessions held / expected by now: 0 / 0"));
  EXPECT_THAT(first, Not(HasSubstr("since the last report")));
  FirstSession();
  const std::string second = bot.Say(admin, "admin report");
  EXPECT_THAT(second, HasSubstr("since the last report"));
  EXPECT_THAT(second, HasSubstr("Sessions held / expected by now: 1 (+1) / 0 (±0)"));
  EXPECT_THAT(second, HasSubstr("Takeaways written: 100% (+100 pts)"));
  EXPECT_THAT(second, HasSubstr("3.0 → –"));
  EXPECT_THAT(bot.Say(Mentee(1), "admin report"), Not(HasSubstr("Sessions held"))) << "admins only";
}

}  // namespace
}  // namespace mentorbot
