// Matching the cohort in the store: the proposal (preview) and creating its
// pairs (apply), shared by `admin match` in chat and `mentorbot match`.
#pragma once

#include <cstdint>
#include <vector>

#include "bot/engine/matching/cohort.h"
#include "bot/engine/command_context.h"

namespace mentorbot {

struct CohortMatch {
  Cohort cohort;
  MatchResult result;
};

CohortMatch ProposeMatch(StoreTransaction& store, const ProgramRules& rules, const ProgramSettings& settings,
                         TimePoint now);

// Starts every proposed pair (each member gets their kickoff in the outbox).
// Returns the new pair ids. REQUIRES: a write transaction; `match` was
// proposed in this same transaction.
std::vector<std::int64_t> ApplyMatch(CommandContext& context, const CohortMatch& match);

}  // namespace mentorbot
