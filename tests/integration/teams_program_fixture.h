// The side-by-side fixture of the Teams integration tests: the real binary
// with a fake Bot Framework (OpenID keys, token endpoint, connector) and a fake
// Slack on loopback, and helpers to send signed activities and commands.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>
#include "tests/support/bot_process.h"
#include "tests/support/fake_bot_framework.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/jwt_minting.h"
#include "tests/support/slack_signing.h"

namespace mentorbot {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;


inline constexpr const char* kAppId = "11111111-2222-3333-4444-555555555555";
inline constexpr const char* kPassword = "teams-app-password-never-logged";
inline constexpr const char* kSlackSecret = "side-by-side-signing-secret";
inline constexpr const char* kSlackToken = "xoxb-side-by-side";
inline constexpr const char* kTenant = "tenant-1";

inline std::chrono::sys_seconds WallClock() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

struct TeamsUser {
  std::string id;   // "29:..."
  std::string aad;
  std::string name;
  std::string Conversation() const { return "a:1personal-" + aad; }
};

inline const TeamsUser kMentor{"29:1mentor", "aad-mentor", "Riley Mentor"};
inline const TeamsUser kMentee{"29:1mentee", "aad-mentee", "Morgan Mentee"};
inline const TeamsUser kAdmin{"29:1admin", "aad-admin", "Ada Admin"};

class TeamsProgramTest : public ::testing::Test {
 protected:
  TeamsProgramTest() : framework(kAppId, kPassword), key("integration-key"), slack(kSlackToken) {
    framework.SetKeys(json::array({key.Jwk({"msteams"})}));
  }

  void Start() {
    const json config = {
        {"server", {{"host", "127.0.0.1"}, {"port", 0}, {"threads", 8}}},
        {"database", {{"path", dir.File("bot.db")}}},
        {"slack", {{"api_base_url", slack.base_url()}}},
        {"outbox", {{"first_backoff_seconds", 1}, {"max_backoff_seconds", 2}}},
        {"scheduler", {{"enabled", true}}},
        {"program", {{"admins", {"slack:T1:UADMIN", std::string("teams:") + kTenant + ":aad-admin"}},
                     {"default_time_zone", "Europe/Berlin"}}},
        {"teams", {{"openid_metadata_url", framework.metadata_url()},
                   {"token_url", framework.token_url()},
                   {"service_url_allowlist", {framework.service_url()}}}}};
    bot = std::make_unique<BotProcess>(dir, config.dump(),
                                       Environment{{"SLACK_SIGNING_SECRET", kSlackSecret},
                                                   {"SLACK_BOT_TOKEN", kSlackToken},
                                                   {"TEAMS_APP_ID", kAppId},
                                                   {"TEAMS_APP_PASSWORD", kPassword}});
  }

  json Activity(const std::string& type, const TeamsUser& from, const std::string& conversation,
                const std::string& conversation_type) {
    static int next_id = 1000;
    return {{"type", type},
            {"id", std::to_string(++next_id)},
            {"timestamp", "2026-11-23T09:00:00.000Z"},
            {"serviceUrl", framework.service_url()},
            {"channelId", "msteams"},
            {"from", {{"id", from.id}, {"name", from.name}, {"aadObjectId", from.aad}}},
            {"conversation", {{"conversationType", conversation_type}, {"tenantId", kTenant}, {"id", conversation}}},
            {"recipient", {{"id", std::string("28:") + kAppId}, {"name", "mentorbot"}}},
            {"channelData", {{"tenant", {{"id", kTenant}}}}}};
  }
  json Personal(const TeamsUser& from, const std::string& text) {
    json activity = Activity("message", from, from.Conversation(), "personal");
    activity["text"] = text;
    return activity;
  }

  httplib::Result Post(const json& activity, const std::string& authorization) {
    httplib::Client client("127.0.0.1", bot->port());
    client.set_read_timeout(10, 0);
    httplib::Headers headers;
    if (!authorization.empty()) headers.emplace("Authorization", authorization);
    return client.Post("/api/messages", headers, activity.dump(), "application/json");
  }
  // Signed as the Bot Framework would sign it; expects 200.
  httplib::Result Send(const json& activity) {
    auto claims = BotFrameworkClaims(kAppId, activity["serviceUrl"], WallClock());
    auto result = Post(activity, "Bearer " + BotFrameworkToken(key, claims));
    EXPECT_TRUE(result && result->status == 200) << activity.dump() << " -> " << (result ? result->status : -1);
    return result;
  }

  std::string SlackCommand(const std::string& user, const std::string& text) {
    auto result = PostSlashCommand(bot->port(), kSlackSecret, "T1", user, text);
    EXPECT_EQ(result.status, 200) << text;
    return result.body;
  }

  // Every activity sent to a conversation so far, as JSON text.
  std::vector<std::string> SentTo(const std::string& conversation) {
    std::vector<std::string> texts;
    for (const auto& call : framework.Activities()) {
      if (call.path == "/teams/v3/conversations/" + conversation + "/activities") texts.push_back(call.body.dump());
    }
    return texts;
  }
  // Waits until an activity containing `needle` reached `conversation`; returns it.
  json WaitFor(const std::string& conversation, const std::string& needle) {
    return WaitForAny({conversation}, needle);
  }
  // The same, for the first of several conversations it reaches.
  json WaitForAny(const std::vector<std::string>& conversations, const std::string& needle) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      for (const auto& call : framework.Activities()) {
        for (const auto& conversation : conversations) {
          if (call.path == "/teams/v3/conversations/" + conversation + "/activities" &&
              call.body.dump().find(needle) != std::string::npos) {
            return call.body;
          }
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "nothing with \"" << needle << "\" reached " << conversations.front();
    return json::object();
  }

  TempDir dir;
  FakeBotFramework framework;
  TestSigningKey key;
  FakeSlackServer slack;
  std::unique_ptr<BotProcess> bot;
};

// The data of the first Action.Execute in a sent activity's card whose verb is `verb`.
inline json ActionData(const json& activity, const std::string& verb) {
  for (const auto& block : activity["attachments"][0]["content"]["body"]) {
    if (block["type"] != "ActionSet") continue;
    for (const auto& action : block["actions"]) {
      if (action["verb"] == verb) return action["data"];
    }
  }
  ADD_FAILURE() << "no " << verb << " action in " << activity.dump();
  return json::object();
}

}  // namespace mentorbot
