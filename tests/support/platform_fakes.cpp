#include "tests/support/platform_fakes.h"

#include <atomic>
#include <chrono>

namespace mentorbot {

using nlohmann::json;

PlatformFakes::PlatformFakes() : slack(kSlackToken), framework(kTeamsAppId, kTeamsPassword), key("fakes-key") {
  framework.SetKeys(json::array({key.Jwk({"msteams"})}));
}

json PlatformFakes::Config(const std::string& database_path, std::string slack_api_base_url,
                           std::string teams_service_url) const {
  if (slack_api_base_url.empty()) slack_api_base_url = slack.base_url();
  if (teams_service_url.empty()) teams_service_url = framework.service_url();
  return {{"server", {{"host", "127.0.0.1"}, {"port", 0}, {"threads", 8}}},
          {"database", {{"path", database_path}}},
          {"slack", {{"api_base_url", slack_api_base_url}}},
          {"outbox", {{"first_backoff_seconds", 1}, {"max_backoff_seconds", 2}}},
          {"scheduler", {{"enabled", false}}},
          {"program", {{"admins", {"slack:T1:UADMIN"}}}},
          {"teams", {{"openid_metadata_url", framework.metadata_url()},
                     {"token_url", framework.token_url()},
                     {"service_url_allowlist", {teams_service_url}}}}};
}

Environment PlatformFakes::Env() const {
  return {{"SLACK_SIGNING_SECRET", kSlackSecret},
          {"SLACK_BOT_TOKEN", kSlackToken},
          {"TEAMS_APP_ID", kTeamsAppId},
          {"TEAMS_APP_PASSWORD", kTeamsPassword}};
}

json PlatformFakes::TeamsMessage(const std::string& aad, const std::string& text, std::string service_url) const {
  static std::atomic<int> next_id{0};
  if (service_url.empty()) service_url = framework.service_url();
  return {{"type", "message"},
          {"id", "activity-" + std::to_string(++next_id)},
          {"timestamp", "2026-11-23T09:00:00.000Z"},
          {"serviceUrl", service_url},
          {"channelId", "msteams"},
          {"from", {{"id", "29:" + aad}, {"name", "Name of " + aad}, {"aadObjectId", aad}}},
          {"conversation", {{"conversationType", "personal"}, {"tenantId", kTenant}, {"id", "a:1personal-" + aad}}},
          {"recipient", {{"id", std::string("28:") + kTeamsAppId}, {"name", "mentorbot"}}},
          {"channelData", {{"tenant", {{"id", kTenant}}}}},
          {"text", text}};
}

std::string PlatformFakes::TeamsAuthorization(const std::string& service_url) const {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return "Bearer " + BotFrameworkToken(key, BotFrameworkClaims(kTeamsAppId, service_url, now));
}

httplib::Result PlatformFakes::PostTeams(int port, const json& activity) const {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10, 0);
  return client.Post("/api/messages", {{"Authorization", TeamsAuthorization(activity["serviceUrl"])}},
                     activity.dump(), "application/json");
}

std::map<std::string, int> PlatformFakes::SlackMessageKeys() const {
  std::map<std::string, int> keys;
  for (const auto& message : slack.PostedMessages()) {
    ++keys[message.value(json::json_pointer("/metadata/event_payload/key"), std::string("(no key)"))];
  }
  return keys;
}

}  // namespace mentorbot
