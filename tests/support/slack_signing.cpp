#include "tests/support/slack_signing.h"

#include <httplib.h>

#include <atomic>
#include <chrono>

#include "adapters/common/form_decoding.h"
#include "adapters/common/hmac.h"

namespace mentorbot {

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += FormEncodeValue(name) + "=" + FormEncodeValue(value);
  }
  return body;
}

std::string SlackSignature(const std::string& secret, long long timestamp, const std::string& body) {
  return "v0=" + HmacSha256Hex(secret, "v0:" + std::to_string(timestamp) + ":" + body);
}

std::string SlashCommandBody(const std::string& team, const std::string& user, const std::string& text,
                             const std::string& command) {
  static std::atomic<int> trigger{0};
  return FormEncode({{"token", "legacy-verification-token"},
                     {"team_id", team},
                     {"team_domain", "example"},
                     {"channel_id", "D" + user},
                     {"channel_name", "directmessage"},
                     {"user_id", user},
                     {"user_name", "name-of-" + user},
                     {"command", command},
                     {"text", text},
                     {"api_app_id", "A0MENTOR"},
                     {"response_url", "https://hooks.slack.com/commands/" + team + "/1/x"},
                     {"trigger_id", "trigger." + std::to_string(++trigger)}});
}

SlashCommandResult PostSigned(int port, const std::string& secret, const std::string& path, const std::string& body,
                              const std::string& content_type, const std::map<std::string, std::string>& headers) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10, 0);
  const long long timestamp =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  httplib::Headers all = {{"X-Slack-Request-Timestamp", std::to_string(timestamp)},
                          {"X-Slack-Signature", SlackSignature(secret, timestamp, body)}};
  for (const auto& [name, value] : headers) all.emplace(name, value);
  auto result = client.Post(path, all, body, content_type);
  if (!result) return {};
  return {result->status, result->body};
}

SlashCommandResult PostSlashCommand(int port, const std::string& secret, const std::string& team,
                                    const std::string& user, const std::string& text) {
  return PostSigned(port, secret, "/slack/commands", SlashCommandBody(team, user, text),
                    "application/x-www-form-urlencoded");
}

}  // namespace mentorbot
