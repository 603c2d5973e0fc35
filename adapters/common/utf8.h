// UTF-8 helpers for renderers that must fit platform limits without ever
// cutting a multi-byte sequence in half. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mentorbot {

// Number of code points (what Slack and Teams count as "characters").
std::size_t CountCodePoints(std::string_view text);

// `text` cut to at most `max_code_points`, ending in "…" when it was cut.
// REQUIRES: max_code_points >= 1.
std::string TruncateCodePoints(std::string_view text, std::size_t max_code_points);

// `text` with invalid UTF-8 sequences replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view text);

}  // namespace mentorbot
