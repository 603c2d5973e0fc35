// Case folding for what the platforms compare without regard to case:
// email addresses, enum-like strings ("Busy", "HTML"), HTML tags. ASCII only,
// as those are.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace mentorbot {

inline std::string AsciiLower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

inline bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

}  // namespace mentorbot
