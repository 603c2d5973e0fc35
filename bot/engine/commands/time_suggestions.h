// `schedule` (or `reschedule`) without a time, and the "Find a time"
// button: three times in the coming cadence window when both people of the
// pair are inside working hours, on a work day and outside quiet hours, each
// in their own zone, spread over different days. Picking one runs
// `schedule <that time>`, so it is proposed to the mentor as if typed.
// Calendars cannot be read yet (invitations go as iCalendar files), so the
// answer says the times come from working hours only.
#pragma once

#include <string>

#include "bot/core/message.h"
#include "bot/engine/command_context.h"
#include "bot/engine/program/pair_view.h"

namespace mentorbot {

// Slots of `minutes` (the session's own length when it is moved).
// REQUIRES: the actor is the pair's mentee.
Reply SuggestTimes(CommandContext& context, const PairView& view, const std::string& verb, int minutes);

}  // namespace mentorbot
