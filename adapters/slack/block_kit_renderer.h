// Renders the engine's platform-neutral Message as Slack Block Kit, within
// Slack's limits (blocks per message, characters per text, button text and
// action id/value lengths), truncating on UTF-8 boundaries. User-supplied
// text is escaped so it can never form a mention, link or broadcast.
// Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "bot/core/message.h"

namespace mentorbot {

struct BlockKitLimits {
  static constexpr std::size_t kMaxBlocks = 50;
  static constexpr std::size_t kMaxSectionText = 3000;
  static constexpr std::size_t kMaxFields = 10;
  static constexpr std::size_t kMaxFieldText = 2000;
  static constexpr std::size_t kMaxButtonsPerBlock = 25;
  static constexpr std::size_t kMaxButtonText = 75;
  static constexpr std::size_t kMaxActionId = 255;
  static constexpr std::size_t kMaxActionValue = 255;
  static constexpr std::size_t kMaxFallbackText = 3000;
  static constexpr std::size_t kMaxViewBlocks = 100;  // modals and the home tab
};

// A form in a message is a button that opens it as a modal: its action id is
// this prefix + the form id, its value the form's argument.
inline constexpr std::string_view kOpenFormActionPrefix = "form:";

// {"text": fallback, "blocks": [...]}.
nlohmann::json RenderBlockKit(const Message& message);
// Just the blocks, at most `max_blocks` of them.
nlohmann::json RenderBlocks(const Message& message, std::size_t max_blocks);

// Slack mrkdwn for one line of rich text.
std::string RenderMrkdwn(const RichText& text);

// Escapes &, < and > as Slack requires for literal text.
std::string EscapeSlackText(std::string_view text);
// Undoes that escaping in text Slack sends (messages, command text).
std::string UnescapeSlackText(std::string_view text);

}  // namespace mentorbot
