#include "adapters/slack/slash_command_parser.h"

#include "adapters/common/utf8.h"
#include "adapters/slack/block_kit_renderer.h"

namespace mentorbot {

StatusOr<Event> ParseSlashCommand(const FormFields& form, std::string_view expected_command) {
  const std::string team = form.Get("team_id");
  const std::string user = form.Get("user_id");
  const std::string command = form.Get("command");
  if (team.empty() || user.empty() || command.empty()) {
    return Status::InvalidArgument("team_id, user_id and command are required");
  }
  if (command != expected_command) {
    return Status::InvalidArgument("this app answers " + std::string(expected_command) + ", not " + command);
  }
  auto ref = UserRef::Parse("slack:" + team + ":" + user);
  if (!ref) return Status::InvalidArgument("malformed team_id or user_id");

  Event event;
  event.kind = EventKind::kCommand;
  // Slack gives every command invocation a unique trigger_id.
  event.event_id = form.Get("trigger_id");
  event.from.user = *ref;
  event.from.conversation_id = form.Get("channel_id");
  event.display_name = SanitizeUtf8(form.Get("user_name"));
  event.text = UnescapeSlackText(SanitizeUtf8(form.Get("text")));
  return event;
}

}  // namespace mentorbot
