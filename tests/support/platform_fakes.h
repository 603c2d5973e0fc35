// PlatformFakes: both platforms on loopback for a test of the real binary —
// a fake Slack Web API and a fake Bot Framework whose JWKS holds a test
// signing key — with the config and environment that point a bot at them,
// and Teams activities signed as the Bot Framework signs them.
// Thread-safety: as the fakes; the helpers only read.
#pragma once

#include <httplib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/bot_process.h"
#include "tests/support/fake_bot_framework.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/jwt_minting.h"

namespace mentorbot {

class PlatformFakes {
 public:
  static constexpr const char* kSlackSecret = "fakes-slack-signing-secret";
  static constexpr const char* kSlackToken = "xoxb-fakes-bot-token";
  static constexpr const char* kTeamsAppId = "99999999-8888-7777-6666-555555555555";
  static constexpr const char* kTeamsPassword = "fakes-teams-app-password";
  static constexpr const char* kTenant = "tenant-fakes";

  PlatformFakes();

  // A serve config: port 0, the scheduler off, retries after 1-2 s, Slack's
  // Web API at `slack_api_base_url` and Teams activities accepted from
  // `teams_service_url` (by default the fakes themselves; a test may put a
  // relay in between).
  nlohmann::json Config(const std::string& database_path, std::string slack_api_base_url = "",
                        std::string teams_service_url = "") const;
  // Every secret, so both platforms verify requests and can send.
  Environment Env() const;

  // A message from Teams user `aad` in their 1:1 chat, as Teams posts it.
  nlohmann::json TeamsMessage(const std::string& aad, const std::string& text, std::string service_url = "") const;
  // "Bearer <token>" valid now for `service_url`.
  std::string TeamsAuthorization(const std::string& service_url) const;
  // POSTs `activity` to the bot's /api/messages, signed for its serviceUrl.
  httplib::Result PostTeams(int port, const nlohmann::json& activity) const;

  // How often Slack was sent each outbox message (chat.postMessage calls
  // accepted, by the key in their metadata).
  std::map<std::string, int> SlackMessageKeys() const;

  FakeSlackServer slack;
  FakeBotFramework framework;
  TestSigningKey key;
};

}  // namespace mentorbot
