#include "bot/engine/matching/cohort_match.h"

#include "bot/engine/program/pair_lifecycle.h"

namespace mentorbot {

CohortMatch ProposeMatch(StoreTransaction& store, const ProgramRules& rules, const ProgramSettings& settings,
                         TimePoint now) {
  CohortMatch match{LoadCohort(store, rules, settings.default_time_zone, now), {}};
  match.result = Match(match.cohort.input);
  return match;
}

std::vector<std::int64_t> ApplyMatch(CommandContext& context, const CohortMatch& match) {
  std::vector<std::int64_t> ids;
  for (const auto& proposed : match.result.pairs) {
    PairView view = StartPair(context, match.cohort.people.at(proposed.mentor), match.cohort.people.at(proposed.mentee));
    ids.push_back(view.pair.id);
  }
  return ids;
}

}  // namespace mentorbot
