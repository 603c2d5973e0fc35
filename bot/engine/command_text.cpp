#include "bot/engine/command_text.h"

#include <cctype>
#include <tuple>

namespace mentorbot {

namespace {
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::pair<std::string_view, std::string_view> SplitFirstWord(std::string_view text) {
  text = Trim(text);
  std::size_t end = 0;
  while (end < text.size() && !IsSpace(text[end])) ++end;
  return {text.substr(0, end), Trim(text.substr(end))};
}

CommandText ParseCommandText(std::string_view text) {
  auto [first, rest] = SplitFirstWord(text);
  if (first.size() > 1 && first.front() == '/') std::tie(first, rest) = SplitFirstWord(rest);
  return CommandText{ToLower(first), std::string(rest)};
}

std::size_t CountCharacters(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;  // every byte but continuation bytes
  return count;
}

std::string Counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace mentorbot
