// Splitting what a person typed into a verb and its arguments. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace mentorbot {

struct CommandText {
  std::string verb;  // lower-cased first word; empty when nothing was typed
  std::string args;  // the rest, trimmed, case and inner spacing kept
};

// Accepts "/mentor join mentee", "join mentee" and "  JOIN   mentee ".
// A leading slash command (any "/word") is dropped.
CommandText ParseCommandText(std::string_view text);

// ("set department Finance") -> ("set", "department Finance"); both trimmed.
std::pair<std::string_view, std::string_view> SplitFirstWord(std::string_view text);

std::string_view Trim(std::string_view text);
std::string ToLower(std::string_view text);
// "1 pair", "3 pairs": a count with its noun, plural unless one.
std::string Counted(std::size_t n, std::string_view noun);
// UTF-8 code points: how people count the length of what they wrote.
std::size_t CountCharacters(std::string_view text);

}  // namespace mentorbot
