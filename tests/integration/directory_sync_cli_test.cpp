// `mentorbot directory sync` against a loopback Slack: people, managers and
// time zones arrive without a CSV, a reorg that puts a pair inside one
// chain is put to the admins within one sync, and a missing token is a
// config error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/bot_process.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/slack_directory_workspace.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

constexpr const char* kToken = "xoxb-directory-test";

class DirectorySyncCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    json config = SlackDirectoryWorkspace(slack, dir.File("bot.db"));
    std::ofstream(dir.File("config.json")) << config.dump();
  }
  RunResult Run(const std::vector<std::string>& args, const std::string& input = "") {
    std::vector<std::string> full = args;
    full.insert(full.end(), {"--config", dir.File("config.json")});
    return RunMentorbot(full, input, {{"SLACK_BOT_TOKEN", kToken}});
  }

  TempDir dir;
  FakeSlackServer slack{kToken};
};

TEST_F(DirectorySyncCliTest, PeopleManagersAndTimeZonesArriveAndAReorgReachesTheAdmins) {
  Run({"chat", "--as", "slack:T1:UMENTOR"}, "join mentor\nquit\n");
  Run({"chat", "--as", "slack:T1:UMENTEE"}, "join mentee\nquit\n");
  auto first = Run({"directory", "sync"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr("slack T1 full sync: 3 people read, 3 added"));
  EXPECT_THAT(first.out, HasSubstr("2 participant profiles updated"));
  auto profile = Run({"chat", "--as", "slack:T1:UMENTEE"}, "profile\nquit\n");
  EXPECT_THAT(profile.out, HasSubstr("Asia/Tokyo"));
  EXPECT_THAT(Run({"chat", "--as", "slack:T1:UADMIN"}, "admin pair <@UMENTOR> <@UMENTEE>\nquit\n").out,
              HasSubstr("Paired"));

  slack.directory().SetManager("UMENTEE", "UMENTOR");  // the reorg: the mentee now reports to their mentor
  auto second = Run({"directory", "sync", "--workspace", "T1"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("1 manager changed"));
  EXPECT_THAT(second.out, HasSubstr("1 pair to review"));
  EXPECT_EQ(Run({"directory", "sync", "--workspace", "T9"}).exit_code, 1) << "no directory has that workspace";
}

TEST_F(DirectorySyncCliTest, WithoutTheBotTokenItIsAConfigError) {
  auto result = RunMentorbot({"directory", "sync", "--config", dir.File("config.json")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("SLACK_BOT_TOKEN: must be set because directory.slack is true"));
}

}  // namespace
}  // namespace mentorbot
