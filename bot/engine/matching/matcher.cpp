#include "bot/engine/matching/matcher.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "bot/engine/matching/assignment.h"
#include "bot/engine/matching/match_explanations.h"
#include "bot/engine/matching/match_scoring.h"
#include "bot/engine/matching/match_table.h"
#include "bot/engine/roster/org_chart.h"

namespace mentorbot {

namespace {

// The optimiser's view: rows are the smaller side (SolveAssignment needs
// rows <= cols), columns the other; a mentor appears once per place.
// Only people with at least one allowed partner take part: the others are
// unmatched whatever happens, and leaving them out shrinks the matrix.
class PairingProblem {
 public:
  explicit PairingProblem(const MatchTable& table) : table_(table) {
    std::vector<bool> mentor_has_partner(table.mentor_count(), false);
    for (int e = 0; e < table.mentee_count(); ++e) {
      bool any = false;
      for (int m = 0; m < table.mentor_count(); ++m) {
        if (table.allowed(e, m)) any = mentor_has_partner[m] = true;
      }
      if (any) mentees_.push_back(e);
    }
    const int mentees = static_cast<int>(mentees_.size());
    for (int m = 0; m < table.mentor_count(); ++m) {
      if (!mentor_has_partner[m]) continue;
      // No mentor can use more places than there are mentees.
      for (int place = 0; place < std::min(table.places(m), mentees); ++place) slots_.push_back(m);
    }
    mentees_are_rows_ = mentees_.size() <= slots_.size();
  }

  // Per mentee (table index), its table mentor or -1.
  std::vector<int> Solve() const {
    const int rows = static_cast<int>(mentees_are_rows_ ? mentees_.size() : slots_.size());
    const int cols = static_cast<int>(mentees_are_rows_ ? slots_.size() : mentees_.size());
    // Lexicographic objective in one sum: every pair earns a bonus larger
    // than any difference in total score, so more pairs always win and the
    // score only decides between equally many. A row left on a forbidden
    // column costs 0, the same as staying unmatched.
    const std::int64_t max_score = table_.max_abs_score();
    const std::int64_t bonus = (2 * static_cast<std::int64_t>(rows) + 1) * (max_score + 1);
    std::vector<std::int64_t> cost(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols; ++c) {
        const auto [e, m] = At(r, c);
        cost[static_cast<std::size_t>(r) * cols + c] = table_.allowed(e, m) ? -(bonus + table_.score(e, m)) : 0;
      }
    }
    const std::vector<int> column_of_row = SolveAssignment(rows, cols, cost);
    std::vector<int> mentor_of(table_.mentee_count(), -1);
    for (int r = 0; r < rows; ++r) {
      const auto [e, m] = At(r, column_of_row[r]);
      if (table_.allowed(e, m)) mentor_of[e] = m;
    }
    return mentor_of;
  }

 private:
  // (mentee, mentor) in table indexes for a cell of the matrix.
  std::pair<int, int> At(int row, int col) const {
    return mentees_are_rows_ ? std::pair{mentees_[row], slots_[col]} : std::pair{mentees_[col], slots_[row]};
  }

  const MatchTable& table_;
  std::vector<int> mentees_;  // table mentee indexes
  std::vector<int> slots_;    // table mentor index, once per place
  bool mentees_are_rows_ = true;
};

bool Listed(const std::set<std::pair<std::string, std::string>>& pairs, const std::string& a, const std::string& b) {
  return pairs.count({a, b}) > 0 || pairs.count({b, a}) > 0;
}

}  // namespace

MatchResult Match(const MatchInput& input) {
  const MatchTable table(input, ClampedWeights(input.weights));
  const std::vector<int> mentor_of = PairingProblem(table).Solve();

  MatchResult result;
  for (int e = 0; e < table.mentee_count(); ++e) {
    const int m = mentor_of[e];
    if (m < 0) continue;
    ProposedPair pair{table.mentor(m).id, table.mentee(e).id};
    pair.score = table.Explain(e, m, &pair.reasons);
    result.total_score += pair.score;
    result.pairs.push_back(std::move(pair));
  }
  std::sort(result.pairs.begin(), result.pairs.end(), [](const ProposedPair& a, const ProposedPair& b) {
    return std::tie(a.mentor, a.mentee) < std::tie(b.mentor, b.mentee);
  });
  result.unmatched = ExplainUnmatched(table, mentor_of);
  return result;
}

PairScore ScorePair(const MatchInput& input, const MatchCandidate& mentor, const MatchCandidate& mentee) {
  // The same precedence as MatchTable: the first reason that applies.
  PairBar bar = PairBar::kAllowed;
  if (mentor.id == mentee.id) {
    bar = PairBar::kSamePerson;
  } else if (const OrgChart chart(input.managers); chart.InOneChain(chart.Find(mentor.id), chart.Find(mentee.id))) {
    bar = PairBar::kLeadershipChain;
  } else if (Listed(input.already_met, mentor.id, mentee.id)) {
    bar = PairBar::kMetBefore;
  } else if (Listed(input.do_not_pair, mentor.id, mentee.id)) {
    bar = PairBar::kDoNotPair;
  }
  PairScore result;
  if (bar != PairBar::kAllowed) {
    result.forbidden_why = std::string(PairBarText(bar));
    return result;
  }
  ProfileBuilder builder(input.default_time_zone, input.at);
  result.score = ScoreProfiles(builder.Build(mentor), builder.Build(mentee), ClampedWeights(input.weights),
                               &result.reasons);
  return result;
}

}  // namespace mentorbot
