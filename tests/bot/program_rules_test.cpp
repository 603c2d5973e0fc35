#include "bot/engine/program_rules.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

class ProgramRulesTest : public ::testing::Test {
 protected:
  template <typename Work>
  void InTransaction(Work work) {
    ASSERT_TRUE(bot.store().Run(Store::Access::kWrite, [&](StoreTransaction& tx) { work(tx.program()); }).ok());
  }
  EngineHarness bot;
};

TEST_F(ProgramRulesTest, DefaultsFollowThePractice) {
  InTransaction([](ProgramRepository& program) {
    ProgramRules rules = LoadRules(program);
    EXPECT_EQ(rules.cadence_days, 21);
    EXPECT_EQ(rules.session_minutes, 45);
    EXPECT_EQ(rules.target_sessions, 6);
    EXPECT_EQ(rules.reminder_hours, (std::vector<int>{24, 1}));
    EXPECT_EQ(rules.quiet_start_minute, 20 * 60);
    EXPECT_EQ(rules.quiet_end_minute, 8 * 60);
    EXPECT_EQ(rules.work_days, (std::vector<bool>{false, true, true, true, true, true, false}));
    EXPECT_EQ(RuleValue(rules, "working_hours"), "09:00-17:00");
    EXPECT_FALSE(rules.ground_rules.empty());
  });
}

TEST_F(ProgramRulesTest, EverySettingValidatesAndRoundTrips) {
  InTransaction([](ProgramRepository& program) {
    EXPECT_EQ(SetRule(program, "nonsense", "1").code(), StatusCode::kNotFound);
    for (const auto& [key, bad] : std::vector<std::pair<std::string, std::string>>{
             {"cadence_days", "6"}, {"cadence_days", "x"}, {"session_minutes", "181"}, {"reminder_hours", "0"},
             {"reminder_hours", "1,2,3,4,5"}, {"quiet_hours", "8-20"}, {"quiet_hours", "20:00-8"},
             {"work_days", "funday"}, {"ground_rules", " "}, {"admin_channel", "two words"},
             {"working_hours", "17:00-09:00"}, {"working_hours", "9-17"}, {"working_hours", "off"}}) {
      EXPECT_EQ(SetRule(program, key, bad).code(), StatusCode::kInvalidArgument) << key << "=" << bad;
    }
    ASSERT_TRUE(SetRule(program, "reminder_hours", "1, 24, 48").ok());
    ASSERT_TRUE(SetRule(program, "quiet_hours", "off").ok());
    ASSERT_TRUE(SetRule(program, "work_days", "sun-thu").ok());
    ASSERT_TRUE(SetRule(program, "Cadence_Days", "28").ok());
    ASSERT_TRUE(SetRule(program, "working_hours", "08:30-16:00").ok());
    ProgramRules rules = LoadRules(program);
    EXPECT_EQ(rules.reminder_hours, (std::vector<int>{48, 24, 1}));
    EXPECT_EQ(RuleValue(rules, "quiet_hours"), "off");
    EXPECT_EQ(RuleValue(rules, "work_days"), "mon,tue,wed,thu,sun");
    EXPECT_EQ(rules.cadence_days, 28);
    EXPECT_EQ(rules.work_start_minute, 8 * 60 + 30);
    EXPECT_EQ(rules.work_end_minute, 16 * 60);
  });
}

TEST_F(ProgramRulesTest, AnInvalidStoredValueFallsBackToTheDefault) {
  InTransaction([](ProgramRepository& program) {
    program.SetSetting("cadence_days", "banana");
    EXPECT_EQ(LoadRules(program).cadence_days, 21);
  });
}

TEST_F(ProgramRulesTest, EveryRuleIsDocumentedForAdmins) {
  for (const auto& rule : AllRules()) {
    EXPECT_FALSE(rule.description.empty()) << rule.key;
  }
  EXPECT_EQ(AllRules().size(), 26u);
  // The README's table lists every key an admin can set.
  const std::string readme = ReadFixture("../../../README.md");
  for (const auto& rule : AllRules()) EXPECT_NE(readme.find("`" + rule.key + "`"), std::string::npos) << rule.key;
}

TEST_F(ProgramRulesTest, MatchWeightsAndTheLevelGapAreRules) {
  InTransaction([](ProgramRepository& program) {
    EXPECT_TRUE(SetRule(program, "match_weight_department", "5").ok());
    EXPECT_TRUE(SetRule(program, "match_level_gap", "1-4").ok());
    EXPECT_FALSE(SetRule(program, "match_level_gap", "4-1").ok()) << "low before high";
    EXPECT_FALSE(SetRule(program, "match_weight_location", "-1").ok());
    const ProgramRules rules = LoadRules(program);
    EXPECT_EQ(rules.match.department, 5);
    EXPECT_EQ(rules.match.min_level_gap, 1);
    EXPECT_EQ(rules.match.max_level_gap, 4);
    EXPECT_EQ(RuleValue(rules, "match_level_gap"), "1-4");
    EXPECT_EQ(RuleValue(rules, "match_weight_location"), "2");
  });
}

}  // namespace
}  // namespace mentorbot
