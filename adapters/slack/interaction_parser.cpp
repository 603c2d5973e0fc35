#include "adapters/common/json_fields.h"
#include "adapters/slack/interaction_parser.h"

#include <nlohmann/json.hpp>

#include "adapters/common/utf8.h"
#include "adapters/slack/block_kit_renderer.h"

namespace mentorbot {

namespace {
using nlohmann::json;

const json& ObjectAt(const json& object, const char* key) {
  static const json kEmpty = json::object();
  if (!object.is_object() || !object.contains(key) || !object[key].is_object()) return kEmpty;
  return object[key];
}

// The renderer made action ids unique with a "#<index>" suffix.
std::string WithoutIndexSuffix(std::string action_id) {
  const auto hash = action_id.rfind('#');
  if (hash == std::string::npos || hash + 1 == action_id.size()) return action_id;
  for (std::size_t i = hash + 1; i < action_id.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(action_id[i]))) return action_id;
  }
  return action_id.substr(0, hash);
}

Status ReadActor(const json& payload, Event& event) {
  const json& user = ObjectAt(payload, "user");
  std::string team = TextField(ObjectAt(payload, "team"), "id");
  if (team.empty()) team = TextField(user, "team_id");
  auto ref = UserRef::Parse("slack:" + team + ":" + TextField(user, "id"));
  if (!ref) return Status::InvalidArgument("interaction without a valid team and user id");
  event.from.user = *ref;
  event.display_name = TextField(user, "name");
  if (event.display_name.empty()) event.display_name = TextField(user, "username");
  return Status::Ok();
}

// The value an input holds, whatever its element type.
std::string InputValue(const json& state) {
  if (!state.is_object()) return {};
  if (state.contains("selected_option") && state["selected_option"].is_object()) {
    return TextField(state["selected_option"], "value");
  }
  if (state.contains("selected_user")) return TextField(state, "selected_user");
  return TextField(state, "value");  // plain_text_input; null when left empty
}

Status ParseBlockActions(const json& payload, SlackInteraction& out) {
  if (!payload.contains("actions") || !payload["actions"].is_array() || payload["actions"].empty()) {
    return Status::InvalidArgument("block_actions without actions");
  }
  const json& action = payload["actions"][0];
  std::string action_id = WithoutIndexSuffix(TextField(action, "action_id"));
  if (action_id.empty()) return Status::InvalidArgument("block_actions without an action_id");
  if (action_id.rfind(kOpenFormActionPrefix, 0) == 0) {
    out.opens_form = true;
    action_id.erase(0, kOpenFormActionPrefix.size());
  }
  out.type = SlackInteraction::Type::kBlockAction;
  out.event.kind = EventKind::kAction;
  out.event.action_id = action_id;
  out.event.action_value = TextField(action, "value");
  out.trigger_id = TextField(payload, "trigger_id");
  out.response_url = TextField(payload, "response_url");
  const json& container = ObjectAt(payload, "container");
  if (TextField(container, "type") == "view") {
    out.view_id = TextField(container, "view_id");
    out.surface = TextField(ObjectAt(payload, "view"), "type") == "home" ? SlackInteraction::Surface::kHome
                                                                        : SlackInteraction::Surface::kModal;
  } else {
    out.channel_id = TextField(container, "channel_id");
    if (out.channel_id.empty()) out.channel_id = TextField(ObjectAt(payload, "channel"), "id");
    out.message_ts = TextField(container, "message_ts");
    out.ephemeral = container.contains("is_ephemeral") && container["is_ephemeral"].is_boolean() &&
                    container["is_ephemeral"].get<bool>();
    if (out.message_ts.empty() && out.response_url.empty()) {
      return Status::InvalidArgument("block_actions on a message without message_ts or response_url");
    }
  }
  out.event.from.conversation_id = out.channel_id;
  // Each press has its own trigger id; action_ts is the fallback.
  out.event.event_id = !out.trigger_id.empty() ? out.trigger_id : TextField(action, "action_ts");
  return Status::Ok();
}

Status ParseViewSubmission(const json& payload, SlackInteraction& out) {
  const json& view = ObjectAt(payload, "view");
  const std::string form_id = TextField(view, "callback_id");
  if (form_id.empty()) return Status::InvalidArgument("view_submission without a callback_id");
  out.type = SlackInteraction::Type::kViewSubmission;
  out.event.kind = EventKind::kFormSubmission;
  out.event.action_id = form_id;
  out.view_id = TextField(view, "id");
  out.surface = SlackInteraction::Surface::kModal;
  // Metadata that is not ours leaves the argument empty: the engine then
  // refuses the submission as out of date rather than guessing.
  if (auto context = DecodeModalContext(TextField(view, "private_metadata"))) out.modal = *context;
  out.event.action_value = out.modal.argument;
  const json& values = ObjectAt(ObjectAt(view, "state"), "values");
  for (const auto& [block_id, actions] : values.items()) {
    if (!actions.is_object()) continue;
    for (const auto& [action_id, state] : actions.items()) out.event.fields[action_id] = InputValue(state);
  }
  out.trigger_id = TextField(payload, "trigger_id");
  out.event.event_id = !out.trigger_id.empty() ? out.trigger_id : out.view_id + ":" + TextField(view, "hash");
  return Status::Ok();
}
}  // namespace

StatusOr<SlackInteraction> ParseInteraction(std::string_view payload_text) {
  const json payload = json::parse(payload_text, nullptr, /*allow_exceptions=*/false);
  if (!payload.is_object()) return Status::InvalidArgument("payload is not a JSON object");
  SlackInteraction out;
  out.payload_type = TextField(payload, "type");
  if (out.payload_type.empty()) return Status::InvalidArgument("payload without a type");
  if (out.payload_type != "block_actions" && out.payload_type != "view_submission") return out;  // kIgnored
  if (Status actor = ReadActor(payload, out.event); !actor.ok()) return actor;
  Status parsed = out.payload_type == "block_actions" ? ParseBlockActions(payload, out) : ParseViewSubmission(payload, out);
  if (!parsed.ok()) return parsed;
  return out;
}

}  // namespace mentorbot
