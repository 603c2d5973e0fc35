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

std::optional<std::string> ParseEmailAddress(std::string_view text) {
  text = Trim(text);
  const std::size_t at = text.find('@');
  if (text.size() > 254 || at == 0 || at == std::string_view::npos) return std::nullopt;
  const std::string_view domain = text.substr(at + 1);
  const std::size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || domain.front() == '.' || dot + 1 == domain.size() ||
      domain.find("..") != std::string_view::npos) {
    return std::nullopt;
  }
  // ':' is refused too, so "email:<address>" keys stay unambiguous.
  constexpr std::string_view kRefused = ",;:<>()[]\\\"@";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c <= ' ' || c == 0x7f || (i != at && kRefused.find(text[i]) != std::string_view::npos)) {
      return std::nullopt;
    }
  }
  return ToLower(text);
}

}  // namespace mentorbot
