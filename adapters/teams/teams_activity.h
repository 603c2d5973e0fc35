// TeamsActivity: the parts of a Bot Framework activity the bot uses, parsed
// defensively from the JSON Teams posts to /api/messages, and the Event it
// stands for: a typed command (mention markup and HTML removed), a card
// button or form (Action.Submit's value or Action.Execute's invoke), or the
// bot's installation in a 1:1 chat. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/core/event.h"
#include "bot/core/status_or.h"

namespace mentorbot {

struct TeamsActivity {
  std::string type;  // "message", "invoke", "conversationUpdate", "installationUpdate", ...
  std::string id;
  std::string name;  // invoke: "adaptiveCard/action"
  std::string channel_id;
  std::string service_url;
  std::string conversation_id;
  std::string conversation_type;  // "personal", "channel", "groupChat"
  std::string tenant_id;
  std::string from_id;             // "29:..."
  std::string from_aad_object_id;  // may be empty (emulators)
  std::string from_name;
  std::string recipient_id;  // the bot: "28:<app id>"
  std::string text;
  std::string action;  // installationUpdate: "add", "remove", ...
  nlohmann::json value;     // message: Action.Submit data; invoke: {"action": {...}}
  nlohmann::json entities;  // mentions
  std::vector<std::string> members_added;
  // A file sent in a 1:1 chat (application/vnd.microsoft.teams.file.download.info):
  // its name and pre-authenticated download URL; empty when none.
  std::string file_name;
  std::string file_download_url;

  bool personal() const { return conversation_type.empty() || conversation_type == "personal"; }
  // teams:<tenant>:<aadObjectId, or from.id when Teams gave none>.
  UserRef From() const;
};

// InvalidArgument (with what is missing) unless the body is a JSON activity
// with type, id, channelId, serviceUrl, conversation.id, from.id, a tenant
// id and recipient.id.
StatusOr<TeamsActivity> ParseTeamsActivity(std::string_view body);

// What a card action sent back (Action.Submit value or Action.Execute data):
// kAction or kFormSubmission filled in `event`. false when it is not ours.
bool ReadCardAction(const nlohmann::json& data, Event& event);

// The event the activity stands for; nullopt for activities the bot ignores
// (typing, reactions, removals, a member other than the bot added, ...).
std::optional<Event> ToEvent(const TeamsActivity& activity);

// Message text as the engine reads it: mentions resolved, HTML tags dropped,
// entities decoded.
std::string CommandTextOf(const TeamsActivity& activity);

}  // namespace mentorbot
