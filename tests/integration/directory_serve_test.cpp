// The directory inside the running bot (`mentorbot serve`, Slack on
// loopback): the start-up full sync finds a pair a reorg put inside one
// chain and the admin gets a DM with the chain and the two buttons (the
// pair is told nothing); the Keep button is recorded; a signed user_change
// event saying a member was deactivated pauses the pair at once, tells the
// partner and the admin, and the person who left hears nothing more (not
// even an announcement to everyone).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "tests/support/bot_process.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/slack_directory_workspace.h"
#include "tests/support/fixtures.h"
#include "tests/support/slack_signing.h"
#include "tests/support/wait_until.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

constexpr const char* kToken = "xoxb-directory-serve";
constexpr const char* kSecret = "directory-serve-signing-secret";
constexpr auto kWait = std::chrono::seconds(10);

class DirectoryServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config = SlackDirectoryWorkspace(slack, dir.File("bot.db"));
    std::ofstream(dir.File("config.json")) << config.dump();
    // Enrolled and paired while both report to UBOSS.
    Cli({"chat", "--as", "slack:T1:UMENTOR"}, "join mentor\nquit\n");
    Cli({"chat", "--as", "slack:T1:UMENTEE"}, "join mentee\nquit\n");
    ASSERT_EQ(Cli({"directory", "sync"}).exit_code, 0);
    ASSERT_THAT(Cli({"chat", "--as", "slack:T1:UADMIN"}, "admin pair <@UMENTOR> <@UMENTEE>\nquit\n").out,
                HasSubstr("Paired"));
  }
  RunResult Cli(const std::vector<std::string>& args, const std::string& input = "") {
    std::vector<std::string> full = args;
    full.insert(full.end(), {"--config", dir.File("config.json")});
    return RunMentorbot(full, input, {{"SLACK_BOT_TOKEN", kToken}});
  }
  void Start() {
    bot = std::make_unique<BotProcess>(dir, config.dump(),
                                       Environment{{"SLACK_BOT_TOKEN", kToken}, {"SLACK_SIGNING_SECRET", kSecret}});
  }
  // The first message posted to `channel` whose JSON contains `needle`, waiting for it.
  json WaitForPosted(const std::string& channel, const std::string& needle) {
    json found;
    WaitUntil(
        [&] {
          for (const json& posted : slack.PostedMessages()) {
            if (posted.value("channel", "") == channel && posted.dump().find(needle) != std::string::npos) {
              found = posted;
              return true;
            }
          }
          return false;
        },
        kWait);
    return found;
  }
  std::string PostedTo(const std::string& channel) {
    std::string all;
    for (const json& posted : slack.PostedMessages()) {
      if (posted.value("channel", "") == channel) all += posted.dump();
    }
    return all;
  }
  int Press(const std::string& user, const json& message, const json& button) {
    json press = json::parse(ReadFixture("slack_block_actions.json"));
    press["user"]["id"] = user;
    press["actions"][0]["action_id"] = button.at("action_id");
    press["actions"][0]["value"] = button.at("value");
    press["container"] = {{"type", "message"}, {"message_ts", message.value("ts", "1.0")},
                          {"channel_id", message.at("channel")}, {"is_ephemeral", false}};
    press["channel"]["id"] = message.at("channel");
    return PostSigned(bot->port(), kSecret, "/slack/interactions", FormEncode({{"payload", press.dump()}}),
                      "application/x-www-form-urlencoded")
        .status;
  }

  TempDir dir;
  FakeSlackServer slack{kToken};
  json config;
  std::unique_ptr<BotProcess> bot;
};

json ButtonLabelled(const json& message, const std::string& label) {
  for (const json& block : message.value("blocks", json::array())) {
    if (block.value("type", "") != "actions") continue;
    for (const json& element : block.at("elements")) {
      if (element.at("text").value("text", "") == label) return element;
    }
  }
  return nullptr;
}

TEST_F(DirectoryServeTest, AReorgFoundByTheStartUpSyncReachesTheAdminWithTheChainAndTwoButtons) {
  slack.directory().SetManager("UMENTEE", "UMENTOR");  // the reorg, while the bot was down
  Start();
  json alert = WaitForPosted("DUADMIN", "inside one leadership chain");
  ASSERT_FALSE(alert.is_null()) << "no alert to the admin; log: " << bot->Log();
  EXPECT_THAT(alert.dump(), HasSubstr("reports to"));
  json end = ButtonLabelled(alert, "End the pairing and rematch");
  json keep = ButtonLabelled(alert, "Keep it (recorded in the audit log)");
  ASSERT_FALSE(end.is_null()) << alert.dump();
  ASSERT_FALSE(keep.is_null()) << alert.dump();
  EXPECT_THAT(PostedTo("DUMENTOR") + PostedTo("DUMENTEE"), Not(HasSubstr("chain"))) << "the pair is not told why";

  EXPECT_EQ(Press("UADMIN", alert, keep), 200);
  EXPECT_TRUE(WaitUntil(
      [&] {
        return PostSigned(bot->port(), kSecret, "/slack/commands",
                          SlashCommandBody("T1", "UADMIN", "admin directory keep 1"), "application/x-www-form-urlencoded")
                   .body.find("already decided") != std::string::npos;
      },
      kWait))
      << "the Keep press was recorded";
}

TEST_F(DirectoryServeTest, AUserChangeSayingAMemberLeftPausesThePairAtOnce) {
  Start();
  ASSERT_TRUE(slack.WaitForCalls("users.list", 1, kWait)) << "the start-up sync ran";
  json change = json::parse(ReadFixture("slack_user_change.json"));
  change["event"]["user"]["id"] = "UMENTOR";
  change["event"]["user"]["deleted"] = true;
  change["event"]["user"]["profile"]["email"] = "mentor@example.com";
  ASSERT_EQ(PostSigned(bot->port(), kSecret, "/slack/events", change.dump(), "application/json").status, 200);

  EXPECT_FALSE(WaitForPosted("DUMENTEE", "is on hold").is_null()) << "the partner is told";
  EXPECT_FALSE(WaitForPosted("DUADMIN", "no longer an active account").is_null()) << "the admin is told";
  EXPECT_THAT(PostSigned(bot->port(), kSecret, "/slack/commands", SlashCommandBody("T1", "UMENTEE", "status"),
                         "application/x-www-form-urlencoded")
                  .body,
              HasSubstr("paused"));
  // An announcement to every participant reaches the mentee but not the one who left.
  const std::string before = PostedTo("DUMENTOR");
  PostSigned(bot->port(), kSecret, "/slack/commands", SlashCommandBody("T1", "UADMIN", "admin announce Kickoff on Friday"),
             "application/x-www-form-urlencoded");
  EXPECT_FALSE(WaitForPosted("DUMENTEE", "Kickoff on Friday").is_null());
  EXPECT_EQ(PostedTo("DUMENTOR"), before) << "a person who left is never messaged again";
}

}  // namespace
}  // namespace mentorbot
