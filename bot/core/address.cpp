#include "bot/core/address.h"

namespace mentorbot {

std::string_view PlatformName(Platform platform) {
  switch (platform) {
    case Platform::kSlack: return "slack";
    case Platform::kTeams: return "teams";
    case Platform::kConsole: return "console";
  }
  return "console";
}

std::optional<Platform> ParsePlatform(std::string_view name) {
  if (name == "slack") return Platform::kSlack;
  if (name == "teams") return Platform::kTeams;
  if (name == "console") return Platform::kConsole;
  return std::nullopt;
}

std::string UserRef::Key() const {
  std::string key(PlatformName(platform));
  key += ':';
  key += workspace;
  key += ':';
  key += user_id;
  return key;
}

namespace {
// Ids are opaque but never contain separators or whitespace; rejecting those
// keeps keys unambiguous and printable.
bool IsValidPart(std::string_view part) {
  if (part.empty() || part.size() > 128) return false;
  for (unsigned char c : part) {
    if (c <= ' ' || c == ':' || c == 0x7f) return false;
  }
  return true;
}
}  // namespace

std::optional<UserRef> UserRef::Parse(std::string_view key) {
  const auto first = key.find(':');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = key.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  auto platform = ParsePlatform(key.substr(0, first));
  std::string_view workspace = key.substr(first + 1, second - first - 1);
  std::string_view user = key.substr(second + 1);
  if (!platform || !IsValidPart(workspace) || !IsValidPart(user)) return std::nullopt;
  return UserRef{*platform, std::string(workspace), std::string(user)};
}

}  // namespace mentorbot
