// Why a person was left without a partner, in words an admin can act on:
// "no allowed mentor: 3 in their leadership chain, 1 met before", "every
// allowed mentor's places went to other mentees (5 mentees for 3 places)".
// Ids and counts only, never a background. Pure.
#pragma once

#include <vector>

#include "bot/engine/matching/match_table.h"
#include "bot/engine/matching/matcher.h"

namespace mentorbot {

// Unmatched mentees (by id), then mentors with places left (by id).
// `mentor_of[e]` is the table mentor mentee e was paired with, or -1.
// REQUIRES: the pairing has the most pairs possible — the wording relies on
// it (an allowed mentor with a free place cannot coexist with an unpaired
// mentee).
std::vector<Unmatched> ExplainUnmatched(const MatchTable& table, const std::vector<int>& mentor_of);

}  // namespace mentorbot
