// RichText as the markdown an Adaptive Card TextBlock shows in Teams:
// emphasis as **bold**, things to type in bold, moments as the card's
// {{DATE()}}/{{TIME()}} functions (each reader sees their own time zone, as
// Slack's <!date>), and mentions of Teams people as <at>Name</at> explained
// by a mention entity. Markdown characters in user text are escaped so it
// cannot restyle the card. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "bot/core/rich_text.h"

namespace mentorbot {

// Appends the mention entities the text needs to `entities` (a JSON array).
std::string RenderCardMarkdown(const RichText& text, nlohmann::json& entities);

// Backslash-escapes the characters Teams' card markdown would interpret.
std::string EscapeCardMarkdown(std::string_view text);

}  // namespace mentorbot
