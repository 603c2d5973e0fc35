// Matching a few hundred people from an imported roster, through the real
// binary: `mentorbot roster import` and `mentorbot match --json/--apply` on
// the command line, and the same from chat — a CSV shared with the bot in
// Slack (file_shared → files.info → download) or sent in a Teams 1:1 chat,
// then `admin match preview` / `apply`. The leadership-chain rule is checked
// on every proposed pair against the generated org chart.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <thread>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/support/bot_process.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/generated_roster.h"
#include "tests/support/slack_signing.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

constexpr const char* kToken = "xoxb-roster-token";
constexpr const char* kSecret = "roster-signing-secret";
constexpr int kPeople = 300;

class RosterMatchTest : public ::testing::Test {
 protected:
  RosterMatchTest() : slack(kToken), roster(GenerateRoster(kPeople)) {
    config = {{"server", {{"host", "127.0.0.1"}, {"port", 0}, {"threads", 4}}},
              {"database", {{"path", dir.File("bot.db")}}},
              {"slack", {{"api_base_url", slack.base_url()}}},
              {"scheduler", {{"enabled", false}}},
              {"log", {{"level", "warn"}}},
              {"program", {{"admins", {"slack:T1:UADMIN"}}, {"default_time_zone", "Europe/Berlin"}}}};
    std::ofstream(dir.File("config.json")) << config.dump();
    std::ofstream(dir.File("roster.csv")) << roster.csv;
  }
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.end(), {"--config", dir.File("config.json")});
    return RunMentorbot(args, "", Environment{{"SLACK_BOT_TOKEN", kToken}});
  }
  json MatchJson() {
    auto result = Run({"match", "--json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out, nullptr, false);
  }
  // Every pair keeps the rules: known roles, capacity, one mentor per mentee,
  // never inside one leadership chain; the total adds up.
  void ExpectPairsKeepTheRules(const json& match) {
    ASSERT_TRUE(match.is_object()) << "not JSON";
    std::map<std::string, int> load;
    std::map<std::string, int> mentee_seen;
    long total = 0;
    for (const auto& pair : match.at("pairs")) {
      const std::string mentor = pair.at("mentor"), mentee = pair.at("mentee");
      EXPECT_EQ(roster.role.at(mentor), "mentor");
      EXPECT_EQ(roster.role.at(mentee), "mentee");
      EXPECT_FALSE(roster.SameChain(mentor, mentee)) << mentor << " / " << mentee << " share a leadership chain";
      EXPECT_LE(++load[mentor], roster.capacity.at(mentor));
      EXPECT_EQ(++mentee_seen[mentee], 1);
      EXPECT_FALSE(pair.at("reasons").empty());
      total += pair.at("score").get<long>();
    }
    EXPECT_EQ(match.at("total_score").get<long>(), total);
    for (const auto& person : match.at("unmatched")) EXPECT_FALSE(person.at("why").get<std::string>().empty());
  }

  TempDir dir;
  FakeSlackServer slack;
  GeneratedRoster roster;
  json config;
};

TEST_F(RosterMatchTest, ARosterOfHundredsIsImportedAndMatchedFromTheCommandLine) {
  ASSERT_GE(roster.TotalCapacity(), roster.Mentees()) << "the generated roster has places for every mentee";
  auto imported = Run({"roster", "import", dir.File("roster.csv"), "--workspace", "slack:T1"});
  ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("Roster imported from " + dir.File("roster.csv") + ": 300 people"));

  const json proposed = MatchJson();
  ExpectPairsKeepTheRules(proposed);
  EXPECT_EQ(proposed.at("pairs").size(), static_cast<std::size_t>(roster.Mentees())) << "every mentee gets a mentor";
  EXPECT_EQ(MatchJson(), proposed) << "the same roster gives the same pairs";

  // Importing the same file again updates; nobody is enrolled twice.
  auto again = Run({"roster", "import", dir.File("roster.csv"), "--workspace", "slack:T1"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(MatchJson(), proposed);

  auto applied = Run({"match", "--apply"});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_THAT(applied.out, HasSubstr("created " + std::to_string(roster.Mentees()) + " pairs"));
  EXPECT_GE(slack.PostedMessages().size(), 2u * roster.Mentees()) << "each member of each pair got a kickoff";
  const json after = MatchJson();
  EXPECT_TRUE(after.at("pairs").empty()) << "everyone who could be paired is";
  for (const auto& person : after.at("unmatched")) {
    EXPECT_EQ(roster.role.at(person.at("id")), "mentor") << "only mentors with free places are left";
  }
}

TEST_F(RosterMatchTest, ARosterWithABadRowImportsNothingUnlessToldToSkipIt) {
  std::string csv = roster.csv;
  csv += "U9001,,Someone,Finance,abc,,Berlin,Mars/Olympus,boss,,\n";  // line 302
  std::ofstream(dir.File("bad.csv")) << csv;
  auto refused = Run({"roster", "import", dir.File("bad.csv"), "--workspace", "slack:T1"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.out, HasSubstr("Nothing imported"));
  EXPECT_THAT(refused.out, HasSubstr("line 302:"));
  EXPECT_TRUE(MatchJson().at("pairs").empty()) << "nothing was imported, so nobody to match";

  auto skipped = Run({"roster", "import", dir.File("bad.csv"), "--workspace", "slack:T1", "--skip-bad"});
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_THAT(skipped.out, HasSubstr("300 people, skipping 1 bad row"));
  EXPECT_EQ(MatchJson().at("pairs").size(), static_cast<std::size_t>(roster.Mentees()));
}

TEST_F(RosterMatchTest, AnAdminSharesTheRosterInSlackAndMatchesFromChat) {
  BotProcess bot(dir, config.dump(), Environment{{"SLACK_SIGNING_SECRET", kSecret}, {"SLACK_BOT_TOKEN", kToken}});
  slack.AddFile("F0ROSTER1", "roster.csv", roster.csv);
  json shared = json::parse(ReadFixture("slack_file_shared.json"));
  EXPECT_EQ(PostSigned(bot.port(), kSecret, "/slack/events", shared.dump(), "application/json").status, 200);
  ASSERT_TRUE(slack.WaitForCalls("file download", 1, std::chrono::seconds(10)));
  bool reported = false;
  for (int i = 0; i < 500 && !reported; ++i) {
    for (const auto& message : slack.PostedMessages()) {
      reported = reported || (message.value("channel", "") == "D1ADMIN" && message.dump().find("Roster imported") != std::string::npos);
    }
    if (!reported) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(reported) << "the import report reaches the admin's DM";
  EXPECT_EQ(slack.Calls("files.info").at(0).authorization, std::string("Bearer ") + kToken);

  auto preview = PostSlashCommand(bot.port(), kSecret, "T1", "UADMIN", "admin match preview");
  EXPECT_THAT(preview.body, HasSubstr("Match preview"));
  EXPECT_THAT(preview.body, HasSubstr("score"));
  auto refused = PostSlashCommand(bot.port(), kSecret, "T1", "U0001", "admin match apply");
  EXPECT_THAT(refused.body, HasSubstr("admin")) << "only admins match";
  auto applied = PostSlashCommand(bot.port(), kSecret, "T1", "UADMIN", "admin match apply");
  EXPECT_THAT(applied.body, HasSubstr("Created " + std::to_string(roster.Mentees()) + " pairs"));
  EXPECT_TRUE(slack.WaitForPosted(2u * roster.Mentees(), std::chrono::seconds(20))) << "kickoffs delivered";
}

}  // namespace
}  // namespace mentorbot
