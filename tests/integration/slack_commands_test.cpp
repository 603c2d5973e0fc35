// The real mentorbot binary on a loopback port, spoken to as Slack does.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "tests/support/bot_process.h"
#include "tests/support/slack_signing.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kSecret = "integration-signing-secret";

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

class SlackCommandsTest : public ::testing::Test {
 protected:
  void Start() { bot = std::make_unique<BotProcess>(dir, TestConfigJson(dir.File("bot.db")), Environment{{"SLACK_SIGNING_SECRET", kSecret}}); }

  httplib::Result Post(const std::string& body, long long timestamp, const std::string& secret = kSecret,
                       const std::string& content_type = "application/x-www-form-urlencoded") {
    httplib::Client client("127.0.0.1", bot->port());
    client.set_read_timeout(10, 0);
    httplib::Headers headers = {{"X-Slack-Request-Timestamp", std::to_string(timestamp)},
                                {"X-Slack-Signature", SlackSignature(secret, timestamp, body)}};
    return client.Post("/slack/commands", headers, body, content_type.c_str());
  }

  // Sends `/mentor <text>` as user U1 of team T1 and returns the reply's JSON.
  nlohmann::json Command(const std::string& text, const std::string& user = "U1") {
    auto result = Post(SlashCommandBody("T1", user, text), Now());
    EXPECT_TRUE(result) << "no HTTP response";
    if (!result) return {};
    EXPECT_EQ(result->status, 200) << result->body;
    return nlohmann::json::parse(result->body);
  }

  TempDir dir;
  std::unique_ptr<BotProcess> bot;
};

TEST_F(SlackCommandsTest, ASignedCommandIsAnsweredWithEphemeralBlockKit) {
  Start();
  auto reply = Command("help");
  EXPECT_EQ(reply["response_type"], "ephemeral");
  EXPECT_TRUE(reply["text"].is_string());
  ASSERT_TRUE(reply["blocks"].is_array());
  ASSERT_FALSE(reply["blocks"].empty());
  EXPECT_EQ(reply["blocks"][0]["type"], "section");
  EXPECT_EQ(reply["blocks"][0]["text"]["type"], "mrkdwn");
  EXPECT_THAT(reply.dump(), HasSubstr("/mentor join mentee"));
}

TEST_F(SlackCommandsTest, JoinProfileStatusLeaveEndToEnd) {
  Start();
  EXPECT_THAT(Command("join mentee")["text"].get<std::string>(), HasSubstr("Welcome"));
  EXPECT_THAT(Command("profile set department Finance").dump(), HasSubstr("department* is now Finance"));
  EXPECT_THAT(Command("profile set manager <@U9|boss>").dump(), HasSubstr("<@U9>"));
  const std::string status = Command("status").dump();
  EXPECT_THAT(status, HasSubstr("enrolled as a *mentee*"));
  EXPECT_THAT(status, HasSubstr("<!date^")) << "dates are shown in each reader's own zone";
  EXPECT_THAT(Command("status", "U2").dump(), HasSubstr("not enrolled")) << "another user is another person";
  EXPECT_THAT(Command("leave").dump(), HasSubstr("left the program"));
  EXPECT_THAT(Command("nonsense").dump(), HasSubstr("I don't know the command"));
}

TEST_F(SlackCommandsTest, UnsignedStaleOrTamperedRequestsAreRejectedAndNothingIsStored) {
  Start();
  const std::string body = SlashCommandBody("T1", "U1", "join mentee");
  httplib::Client client("127.0.0.1", bot->port());
  auto unsigned_result = client.Post("/slack/commands", body, "application/x-www-form-urlencoded");
  ASSERT_TRUE(unsigned_result);
  EXPECT_EQ(unsigned_result->status, 401);
  EXPECT_EQ(Post(body, Now(), "wrong-secret")->status, 401);
  EXPECT_EQ(Post(body, Now() - 301)->status, 401);
  EXPECT_EQ(Post(body, Now() + 301)->status, 401);

  httplib::Headers headers = {{"X-Slack-Request-Timestamp", std::to_string(Now())},
                              {"X-Slack-Signature", SlackSignature(kSecret, Now(), body)}};
  auto tampered = client.Post("/slack/commands", headers, body + "x", "application/x-www-form-urlencoded");
  EXPECT_EQ(tampered->status, 401);

  EXPECT_THAT(Command("status").dump(), HasSubstr("not enrolled")) << "no rejected request reached the engine";
  const std::string log = bot->Log();
  EXPECT_THAT(log, HasSubstr("POST /slack/commands 401"));
  EXPECT_THAT(log, HasSubstr("signature mismatch"));
  EXPECT_THAT(log, HasSubstr("timestamp outside the 5-minute window"));
  EXPECT_THAT(log, HasSubstr("missing signature headers"));
  EXPECT_THAT(log, Not(HasSubstr(kSecret))) << "the secret is never logged";
}

TEST_F(SlackCommandsTest, MalformedRequestsGetA4xx) {
  Start();
  EXPECT_EQ(Post("a=%zz", Now())->status, 400);
  EXPECT_EQ(Post("{\"json\": true}", Now(), kSecret, "application/json")->status, 415);
  EXPECT_EQ(Post("team_id=T1", Now())->status, 400);
  const std::string huge = SlashCommandBody("T1", "U1", "join " + std::string(300000, 'x'));
  auto too_big = Post(huge, Now());
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->status, 413);
  httplib::Client client("127.0.0.1", bot->port());
  EXPECT_EQ(client.Get("/slack/nowhere")->status, 404);
  EXPECT_EQ(Command("help")["response_type"], "ephemeral") << "still serving";
}

TEST_F(SlackCommandsTest, WhatAReplyConfirmedSurvivesKillDashNine) {
  Start();
  Command("join mentor");
  Command("profile set department Research");
  bot->Stop(SIGKILL);  // no chance to flush anything
  Start();
  const std::string status = Command("status").dump();
  EXPECT_THAT(status, HasSubstr("enrolled as a *mentor*"));
  EXPECT_THAT(Command("profile").dump(), HasSubstr("Research"));
}

TEST_F(SlackCommandsTest, HealthzAndGracefulStop) {
  Start();
  httplib::Client client("127.0.0.1", bot->port());
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  const int status = bot->Stop(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST_F(SlackCommandsTest, WithoutASigningSecretEverySlackRequestIsRefused) {
  bot = std::make_unique<BotProcess>(dir, TestConfigJson(dir.File("bot.db")), Environment{});
  EXPECT_EQ(Post(SlashCommandBody("T1", "U1", "help"), Now())->status, 401);
  EXPECT_THAT(bot->Log(), HasSubstr("SLACK_SIGNING_SECRET is not set"));
}

}  // namespace
}  // namespace mentorbot
