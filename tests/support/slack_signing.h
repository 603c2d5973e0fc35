// Building requests the way Slack does, for tests and load tools: form
// encoding, the v0 request signature, and a signed slash command sent to a
// running bot.
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

struct SlashCommandResult {
  int status = 0;  // 0 when no response came
  std::string body;
};

// POSTs `body` to 127.0.0.1:`port` at `path`, signed as Slack signs it,
// timestamped now, with any further headers.
SlashCommandResult PostSigned(int port, const std::string& secret, const std::string& path, const std::string& body,
                              const std::string& content_type, const std::map<std::string, std::string>& headers = {});

// POSTs a signed `/mentor <text>` from `user` of team `team` to the bot on
// 127.0.0.1:`port`, timestamped now.
SlashCommandResult PostSlashCommand(int port, const std::string& secret, const std::string& team,
                                    const std::string& user, const std::string& text);

}  // namespace mentorbot
