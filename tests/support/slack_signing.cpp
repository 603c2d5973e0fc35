#include "tests/support/slack_signing.h"

#include <atomic>
#include <cctype>

#include "adapters/common/hmac.h"

namespace mentorbot {

namespace {
std::string Encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0f];
    }
  }
  return out;
}
}  // namespace

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += Encode(name) + "=" + Encode(value);
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
