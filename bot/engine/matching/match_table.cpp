#include "bot/engine/matching/match_table.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <unordered_map>

#include "bot/engine/roster/org_chart.h"

namespace mentorbot {

std::string_view PairBarText(PairBar bar) {
  switch (bar) {
    case PairBar::kAllowed: return "";
    case PairBar::kSamePerson: return "the same person";
    case PairBar::kLeadershipChain: return "in one leadership chain";
    case PairBar::kMetBefore: return "met before";
    case PairBar::kDoNotPair: return "marked do-not-pair";
  }
  return "";
}

MatchTable::MatchTable(const MatchInput& input, const MatchWeights& weights) : weights_(weights) {
  ProfileBuilder builder(input.default_time_zone, input.at);
  for (const MatchCandidate& mentor : input.mentors) {
    if (mentor.capacity > 0) mentor_profiles_.push_back(builder.Build(mentor));
  }
  mentee_profiles_.reserve(input.mentees.size());
  for (const MatchCandidate& mentee : input.mentees) mentee_profiles_.push_back(builder.Build(mentee));
  BarPairs(input);
  ScorePairs();
}

void MatchTable::BarPairs(const MatchInput& input) {
  const int mentors = mentor_count();
  const int mentees = mentee_count();
  bars_.assign(static_cast<std::size_t>(mentors) * static_cast<std::size_t>(mentees), PairBar::kAllowed);

  // People become org-chart nodes once; the chart answers each pair in O(1).
  const OrgChart chart(input.managers);
  std::vector<int> mentor_node(mentors);
  std::vector<int> mentee_node(mentees);
  for (int m = 0; m < mentors; ++m) mentor_node[m] = chart.Find(mentor(m).id);
  for (int e = 0; e < mentees; ++e) mentee_node[e] = chart.Find(mentee(e).id);
  for (int e = 0; e < mentees; ++e) {
    for (int m = 0; m < mentors; ++m) {
      if (mentee(e).id == mentor(m).id) {
        bars_[Cell(e, m)] = PairBar::kSamePerson;
      } else if (chart.InOneChain(mentee_node[e], mentor_node[m])) {
        bars_[Cell(e, m)] = PairBar::kLeadershipChain;
      }
    }
  }

  // The lists are looked up by key, not consulted per pair.
  std::unordered_map<std::string, int> mentor_at;
  std::unordered_map<std::string, int> mentee_at;
  for (int m = 0; m < mentors; ++m) mentor_at.emplace(mentor(m).id, m);
  for (int e = 0; e < mentees; ++e) mentee_at.emplace(mentee(e).id, e);
  auto bar_listed = [&](const std::set<std::pair<std::string, std::string>>& listed, PairBar why) {
    auto bar_one_way = [&](const std::string& mentor_id, const std::string& mentee_id) {
      auto m = mentor_at.find(mentor_id);
      auto e = mentee_at.find(mentee_id);
      if (m == mentor_at.end() || e == mentee_at.end()) return;
      PairBar& bar = bars_[Cell(e->second, m->second)];
      if (bar == PairBar::kAllowed) bar = why;
    };
    for (const auto& [a, b] : listed) {
      bar_one_way(a, b);
      bar_one_way(b, a);
    }
  };
  bar_listed(input.already_met, PairBar::kMetBefore);
  bar_listed(input.do_not_pair, PairBar::kDoNotPair);
}

void MatchTable::ScorePairs() {
  scores_.assign(bars_.size(), 0);
  for (int e = 0; e < mentee_count(); ++e) {
    for (int m = 0; m < mentor_count(); ++m) {
      if (!allowed(e, m)) continue;
      const int points = ScoreProfiles(mentor_profiles_[m], mentee_profiles_[e], weights_, nullptr);
      scores_[Cell(e, m)] = points;
      max_abs_score_ = std::max(max_abs_score_, std::abs(points));
    }
  }
}

int MatchTable::Explain(int e, int m, std::vector<std::string>* reasons) const {
  return ScoreProfiles(mentor_profiles_[m], mentee_profiles_[e], weights_, reasons);
}

}  // namespace mentorbot
