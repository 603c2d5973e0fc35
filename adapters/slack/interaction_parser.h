// Turns the JSON `payload` of a (verified) Slack interactivity request into
// what the bot needs: block_actions (a button pressed in a message, the App
// Home tab or a modal) and view_submission (a modal submitted). Other
// interaction types are recognised and ignored. Pure function.
#pragma once

#include <string>
#include <string_view>

#include "adapters/slack/block_kit_views.h"
#include "bot/core/event.h"
#include "bot/core/status_or.h"

namespace mentorbot {

struct SlackInteraction {
  enum class Type { kBlockAction, kViewSubmission, kIgnored };
  enum class Surface { kMessage, kHome, kModal };

  Type type = Type::kIgnored;
  std::string payload_type;  // as Slack named it (for the log)
  Event event;               // kAction or kFormSubmission
  std::string trigger_id;    // opens a modal within 3 s
  // block_actions: where the button was.
  Surface surface = Surface::kMessage;
  std::string channel_id;
  std::string message_ts;
  bool ephemeral = false;
  std::string response_url;  // replaces the message (the only way for an ephemeral one)
  std::string view_id;       // Surface kHome / kModal
  bool opens_form = false;   // the button opens Event::action_id's form
  // view_submission: what the modal remembered.
  ModalContext modal;
};

// InvalidArgument when the payload is not JSON or lacks what Slack always
// sends for its type (team, user, the action, the view).
StatusOr<SlackInteraction> ParseInteraction(std::string_view payload);

}  // namespace mentorbot
