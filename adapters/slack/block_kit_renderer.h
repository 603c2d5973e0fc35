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
};

// {"text": fallback, "blocks": [...]}.
nlohmann::json RenderBlockKit(const Message& message);

// Slack mrkdwn for one line of rich text.
std::string RenderMrkdwn(const RichText& text);

// Escapes &, < and > as Slack requires for literal text.
std::string EscapeSlackText(std::string_view text);

}  // namespace mentorbot
