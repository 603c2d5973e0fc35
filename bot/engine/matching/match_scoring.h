// Scoring one mentor–mentee pair for the matcher: the points each criterion
// earns and the words that explain them. A cohort's facts are prepared once
// per person (names folded and numbered, background words numbered, time-zone
// offset looked up once per distinct zone), so scoring a pair is a few
// integer comparisons — the matcher scores every mentor against every mentee.
// A ProfileBuilder is not thread-safe; profiles and ScoreProfiles are pure.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bot/core/clock.h"
#include "bot/engine/matching/matcher.h"

namespace mentorbot {

// Weights outside this range are clamped to it, so the matcher's integer
// objective cannot overflow whatever an admin configures.
inline constexpr int kMaxMatchWeight = 1000;
MatchWeights ClampedWeights(const MatchWeights& weights);

// One participant's facts, as numbers. Ids from different builders are not
// comparable.
struct ScoringProfile {
  const MatchCandidate* person = nullptr;  // for the names in reasons; not owned
  int department = 0;  // 0 = not given; else the case-folded, trimmed name's id
  int location = 0;
  std::optional<int> level;
  bool has_background = false;
  std::vector<int> background_words;  // sorted, distinct word ids
  int utc_offset_minutes = 0;         // at the match's moment
};

class ProfileBuilder {
 public:
  // An empty or unknown zone (in the default too) counts as `default_zone`,
  // and an unknown default as UTC. Offsets are taken at `at`.
  ProfileBuilder(const std::string& default_zone, TimePoint at);

  // REQUIRES: `person` outlives the profile.
  ScoringProfile Build(const MatchCandidate& person);

 private:
  int Offset(const std::string& zone);
  int OffsetOfCanonical(const std::string& canonical_zone) const;

  TimePoint at_;
  int default_offset_ = 0;
  std::unordered_map<std::string, int> offsets_;  // zone as given -> minutes east of UTC
  std::unordered_map<std::string, int> names_;    // departments and locations
  std::unordered_map<std::string, int> words_;
};

// Working minutes that 09:00–17:00 days in two zones share: 8 h minus the
// offset difference, never below zero. The difference is not wrapped around
// the date line (Tokyo and Los Angeles share none, as the program's rule says).
int SharedWorkingMinutes(int offset_a_minutes, int offset_b_minutes);

// The points the pair earns (forbidden or not is the caller's business).
// When `reasons` is given, appends one reason per criterion that earned or
// lost points, and always the shared working hours. Reasons name departments
// and locations but never quote a background.
int ScoreProfiles(const ScoringProfile& mentor, const ScoringProfile& mentee, const MatchWeights& weights,
                  std::vector<std::string>* reasons);

}  // namespace mentorbot
