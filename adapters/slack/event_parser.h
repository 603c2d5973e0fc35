// Turns the JSON body of a (verified) Slack Events API request into what the
// bot acts on: the url_verification handshake; a command typed in the bot's
// DM (message.im) or by mentioning it in a channel (app_mention); the App
// Home tab opened; a file shared with it (a roster CSV); a member who joined
// the workspace or whose profile changed (team_join, user_change: a
// directory update). Messages from bots (the bot's own included), edits and
// other subtypes, and bots' profile changes are ignored. Pure function.
#pragma once

#include <string>
#include <string_view>

#include "bot/core/event.h"
#include "bot/core/status_or.h"

namespace mentorbot {

struct SlackEventCallback {
  enum class Kind { kUrlVerification, kDirectMessage, kMention, kHomeOpened, kFileShared, kDirectoryUpdate, kIgnored };
  Kind kind = Kind::kIgnored;
  std::string challenge;  // kUrlVerification
  std::string ignored;    // kIgnored: what it was (for the log)
  std::string file_id;    // kFileShared: the file, to be fetched; the event is "admin roster import"
  // kDirectMessage / kMention: the command (text without the bot's mention
  // or a typed slash command); kHomeOpened: the "home" command;
  // kDirectoryUpdate: EventKind::kDirectoryUpdate with the person as
  // directory_entry, `from` naming them without a conversation. Its
  // event_id is Slack's, and it is redeliverable.
  Event event;
};

// `slash_command` ("/mentor") is dropped when someone types it in the DM.
// InvalidArgument when the body is not JSON or an event lacks what Slack
// always sends (team, event id, user; for team_join / user_change a user
// object with an id and members of the right types).
StatusOr<SlackEventCallback> ParseSlackEvent(std::string_view body, std::string_view slash_command);

}  // namespace mentorbot
