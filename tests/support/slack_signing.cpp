#include "tests/support/slack_signing.h"

#include <atomic>

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

}  // namespace mentorbot
