// The cohort as the matcher's optimiser sees it: which mentors have places,
// what (if anything) forbids each mentor–mentee pair, and the score of every
// allowed pair. Built once per Match from the input (org chart walked once,
// forbidden lists looked up once, each pair scored once). Immutable after
// construction; refers to the input, which must outlive it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "bot/engine/matching/match_scoring.h"
#include "bot/engine/matching/matcher.h"

namespace mentorbot {

// What forbids a pair, in order of precedence: a pair barred twice counts
// under the first reason.
enum class PairBar : std::uint8_t { kAllowed, kSamePerson, kLeadershipChain, kMetBefore, kDoNotPair };
inline constexpr int kPairBarKinds = 5;

// "in one leadership chain", "met before", ... ("" for kAllowed).
std::string_view PairBarText(PairBar bar);

class MatchTable {
 public:
  MatchTable(const MatchInput& input, const MatchWeights& weights);

  // Mentors with places (capacity > 0), in input order; `m` below indexes
  // this list, `e` indexes input.mentees.
  int mentor_count() const { return static_cast<int>(mentor_profiles_.size()); }
  int mentee_count() const { return static_cast<int>(mentee_profiles_.size()); }
  const MatchCandidate& mentor(int m) const { return *mentor_profiles_[m].person; }
  const MatchCandidate& mentee(int e) const { return *mentee_profiles_[e].person; }
  int places(int m) const { return mentor(m).capacity; }

  PairBar bar(int e, int m) const { return bars_[Cell(e, m)]; }
  bool allowed(int e, int m) const { return bar(e, m) == PairBar::kAllowed; }
  int score(int e, int m) const { return scores_[Cell(e, m)]; }
  // The largest |score| over allowed pairs (0 when there are none).
  int max_abs_score() const { return max_abs_score_; }

  // The score again, with its reasons (only for the pairs finally proposed).
  int Explain(int e, int m, std::vector<std::string>* reasons) const;

 private:
  std::size_t Cell(int e, int m) const {
    return static_cast<std::size_t>(e) * mentor_profiles_.size() + static_cast<std::size_t>(m);
  }
  void BarPairs(const MatchInput& input);
  void ScorePairs();

  MatchWeights weights_;
  std::vector<ScoringProfile> mentor_profiles_;
  std::vector<ScoringProfile> mentee_profiles_;
  std::vector<PairBar> bars_;  // mentee-major: mentee * mentor_count + mentor
  std::vector<int> scores_;    // same layout; 0 for forbidden pairs
  int max_abs_score_ = 0;
};

}  // namespace mentorbot
