// People who left the company: when the directory disables, deletes or no
// longer lists a participant, their enrolment ends (so nothing is ever
// sent to them again: pending messages are dropped, no reminder plans
// them), each of their pairs is paused with its open session cancelled, the
// partner is told the pairing is on hold, and the admins are told who left
// and which pairs wait for them (end them, or resume when it was a mistake).
#pragma once

#include <cstdint>

#include "bot/engine/command_context.h"

namespace mentorbot {

// REQUIRES: runs inside a write transaction (context.store). Returns how
// many pairs were paused.
int HandleDeparture(CommandContext& context, std::int64_t person_id);

}  // namespace mentorbot
