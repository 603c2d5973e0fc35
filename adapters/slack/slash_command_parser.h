// Turns the fields of a (verified) slash-command request into an Event.
// Pure function.
#pragma once

#include <string_view>

#include "adapters/common/form_decoding.h"
#include "bot/core/event.h"
#include "bot/core/status_or.h"

namespace mentorbot {

// InvalidArgument when a field Slack always sends (team_id, user_id,
// command) is missing, or the command is not `expected_command`.
StatusOr<Event> ParseSlashCommand(const FormFields& form, std::string_view expected_command);

}  // namespace mentorbot
