// `schedule` (or `reschedule`) without a time, and the "Find a time" button.
// Where a calendar service books the mentee's sessions and knows them by
// email, the times are read from both calendars by the calendar worker
// (never inside the command: a slow service must not hold the reply) and
// come as a direct message moments later; otherwise they come from working
// hours at once.
#pragma once

#include <string>

#include "bot/core/message.h"
#include "bot/engine/command_context.h"
#include "bot/engine/program/pair_view.h"

namespace mentorbot {

// REQUIRES: the actor is the pair's mentee.
Reply SuggestTimes(CommandContext& context, const PairView& view, const std::string& verb, int minutes);

}  // namespace mentorbot
