// bot/engine/program/ — the program itself: pairs (views of a pair and its
// people, the snapshot the scheduler reads, starting and ending a pair), the
// participants' profile fields and how people are named in commands, and the
// forms the bot offers and validates.
// May use: calendar, delivery, time.
//
// Starting and ending pairs: shared by admin pair/unpair, leave and
// forget-me (and the matcher), so a pair always begins and ends the same way:
// its open session cancelled, both people told.
#pragma once

#include <string>

#include "bot/engine/command_context.h"
#include "bot/engine/program/pair_view.h"

namespace mentorbot {

// Creates the pair and queues the kickoff to both: who their partner is, the
// ground rules, and (to the mentee) the request to schedule within the
// kickoff window. REQUIRES: both people active, unpaired, roles right, not in
// one leadership chain (checked by the caller).
PairView StartPair(CommandContext& context, const Person& mentor, const Person& mentee);

// Ends the pair with `reason` (e.g. "the mentee left"), cancels its open
// session and tells each member except `quiet` (the one who asked, who gets
// the command's reply instead; pass 0 to tell both).
void EndPair(CommandContext& context, PairView& view, const std::string& reason, std::int64_t quiet);

}  // namespace mentorbot
