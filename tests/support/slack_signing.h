// Building requests the way Slack does, for tests and load tools: form
// encoding and the v0 request signature.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mentorbot {

// "a=1&b=x+y" with every name and value percent-encoded.
std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields);

// The X-Slack-Signature value for this timestamp and body.
std::string SlackSignature(const std::string& secret, long long timestamp, const std::string& body);

// A slash-command body as Slack sends it for `/mentor <text>`.
std::string SlashCommandBody(const std::string& team, const std::string& user, const std::string& text,
                             const std::string& command = "/mentor");

}  // namespace mentorbot
