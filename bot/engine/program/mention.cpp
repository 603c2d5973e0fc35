#include "bot/engine/program/mention.h"

#include <cctype>

#include "bot/engine/command_text.h"

namespace mentorbot {

std::optional<UserRef> ParseMention(std::string_view text, const UserRef& actor) {
  text = Trim(text);
  if (text.find(':') != std::string_view::npos && text.front() != '<') return UserRef::Parse(text);
  if (text.size() > 3 && text.substr(0, 2) == "<@" && text.back() == '>') {
    text = text.substr(2, text.size() - 3);
    text = text.substr(0, text.find('|'));
  } else if (!text.empty() && text.front() == '@') {
    text.remove_prefix(1);
  }
  // Platform ids are letters, digits, '-', '_' and '.' (Slack U123, Teams GUIDs).
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return std::nullopt;
  }
  UserRef candidate{actor.platform, actor.workspace, std::string(text)};
  return UserRef::Parse(candidate.Key());
}

}  // namespace mentorbot
