// Renders the engine's platform-neutral Message as an Adaptive Card (schema
// 1.5, the newest Teams supports) inside a Bot Framework message activity,
// with the summary as the notification text and the plain text as the
// card's fallback. Buttons become Action.Execute actions and forms become
// multi-line Input.Text boxes with a submit action; what they send back is
// read by ParseCardAction (teams_activity.h). Text is cut to fit Teams'
// message size on UTF-8 boundaries. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "bot/core/message.h"

namespace mentorbot {

struct AdaptiveCardLimits {
  static constexpr const char* kVersion = "1.5";
  // Teams refuses messages over ~28 KB; the card leaves room for the envelope.
  static constexpr std::size_t kMaxCardBytes = 24 * 1024;
  static constexpr std::size_t kMaxTextBlock = 5000;  // code points
  static constexpr std::size_t kMaxFallback = 2000;
  static constexpr std::size_t kMaxActionsPerSet = 6;  // Teams shows no more than six
  static constexpr std::size_t kMaxActionTitle = 60;
};

// The card's data keys: what an action sends back.
inline constexpr const char* kCardDataKind = "mentorbot";  // "action" or "form"
inline constexpr const char* kCardInputPrefix = "input.";   // Input.Text ids are "input.<name>"

// `field_errors` (input name -> message) are shown under the form's inputs.
nlohmann::json RenderAdaptiveCard(const Message& message, const std::map<std::string, std::string>& field_errors = {});

// {"type":"message","summary":…,"attachments":[card]} for the connector.
nlohmann::json RenderMessageActivity(const Message& message,
                                     const std::map<std::string, std::string>& field_errors = {});

// A file a message hands over: a file consent card (Teams asks the person
// whether to save it to their OneDrive), or once uploaded a file card.
nlohmann::json RenderFileAttachment(const FileRef& file);

// The answer to an adaptiveCard/action invoke: the reply card replaces the
// card whose button was pressed, so a button cannot usefully be pressed twice.
nlohmann::json RenderInvokeResponse(const Reply& reply);

}  // namespace mentorbot
