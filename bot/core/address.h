// UserRef and Address: who a person is and where to reach them, opaque to the
// engine beyond equality. A person is identified by platform + workspace (Slack
// team id, Teams tenant id) + user id; the same human in two platforms is two
// people. Value types.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mentorbot {

enum class Platform { kSlack, kTeams, kConsole };

std::string_view PlatformName(Platform platform);
std::optional<Platform> ParsePlatform(std::string_view name);

struct UserRef {
  Platform platform = Platform::kConsole;
  std::string workspace;  // Slack team id, Teams tenant id, "local" for the console
  std::string user_id;    // Slack user id, Teams AAD object id, console name

  // "slack:T123:U456" — the stable key used in config and storage.
  std::string Key() const;
  // Parses Key()'s format. Returns nullopt unless all three parts are present and valid.
  static std::optional<UserRef> Parse(std::string_view key);

  bool operator==(const UserRef&) const = default;
};

// Where a reply or a proactive message goes. Captured from inbound events and
// stored so the bot can speak first later.
struct Address {
  UserRef user;
  std::string conversation_id;  // Slack channel id / Teams conversation id; empty = the user's DM
  std::string thread_id;        // optional thread / reply-to id
  std::string service_url;      // Teams only: the Bot Framework service url for this tenant
  // Set when the message replaces one already shown (the message whose button
  // was pressed), so a button cannot usefully be pressed twice: a platform
  // handle only its sender reads (Slack: the message ts in conversation_id,
  // or the interaction's response_url). Empty = a new message.
  std::string replaces;
};

}  // namespace mentorbot
