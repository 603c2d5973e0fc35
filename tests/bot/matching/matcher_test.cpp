#include "bot/engine/matching/matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "bot/engine/roster/leadership_chain.h"

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::chrono::sys_seconds Utc(int y, unsigned m, unsigned d, int h) {
  return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d)) +
         std::chrono::hours(h);
}

const TimePoint kWinter = Utc(2026, 1, 15, 12);

MatchCandidate Person(std::string id, int capacity = 1) {
  MatchCandidate person;
  person.id = std::move(id);
  person.capacity = capacity;
  return person;
}

std::vector<std::string> Ids(const std::vector<Unmatched>& unmatched) {
  std::vector<std::string> ids;
  for (const auto& u : unmatched) ids.push_back(u.id);
  return ids;
}

std::string Why(const MatchResult& result, const std::string& id) {
  for (const auto& u : result.unmatched) {
    if (u.id == id) return u.why;
  }
  return "(matched)";
}

// ---- Whole cohorts -------------------------------------------------------

TEST(MatchTest, NoPeopleNoPairs) {
  const MatchResult result = Match(MatchInput{});
  EXPECT_THAT(result.pairs, IsEmpty());
  EXPECT_THAT(result.unmatched, IsEmpty());
  EXPECT_EQ(result.total_score, 0);
}

TEST(MatchTest, ZeroMentorsLeaveEveryMenteeWaiting) {
  MatchInput input;
  input.mentees = {Person("e2"), Person("e1")};
  input.mentors = {Person("busy", 0)};  // no free places: not available at all
  const MatchResult result = Match(input);
  EXPECT_THAT(result.pairs, IsEmpty());
  EXPECT_THAT(Ids(result.unmatched), ElementsAre("e1", "e2"));
  EXPECT_EQ(Why(result, "e1"), "no mentors with free places");
}

TEST(MatchTest, ZeroMenteesLeaveMentorsWithPlaces) {
  MatchInput input;
  input.mentors = {Person("m1"), Person("m0", 2)};
  const MatchResult result = Match(input);
  EXPECT_THAT(result.pairs, IsEmpty());
  EXPECT_THAT(Ids(result.unmatched), ElementsAre("m0", "m1"));
  EXPECT_EQ(Why(result, "m0"), "no mentees to pair");
}

TEST(MatchTest, OneLeadershipChainForbidsEveryPair) {
  MatchInput input;
  input.managers = {{"staff1", "mgr"}, {"staff2", "mgr"}, {"mgr", "dir"}, {"dir", "vp"}, {"vp", "ceo"}};
  input.mentors = {Person("staff1"), Person("staff2")};
  input.mentees = {Person("ceo"), Person("vp")};
  const MatchResult result = Match(input);
  EXPECT_THAT(result.pairs, IsEmpty());
  EXPECT_THAT(Ids(result.unmatched), ElementsAre("ceo", "vp", "staff1", "staff2"));
  EXPECT_EQ(Why(result, "ceo"), "no allowed mentor: 2 in their leadership chain");
  EXPECT_EQ(Why(result, "staff1"), "no allowed mentee: 2 in their leadership chain");
}

TEST(MatchTest, EachForbiddingReasonIsCounted) {
  MatchInput input;
  input.managers = {{"m1", "boss"}};
  input.already_met = {{"boss", "m2"}};  // either order
  input.do_not_pair = {{"m3", "boss"}, {"m3", "nobody"}};
  input.mentors = {Person("m1"), Person("m2"), Person("m3"), Person("m4")};
  input.mentees = {Person("boss")};
  input.mentors[3].capacity = 0;  // not available: not counted
  const MatchResult result = Match(input);
  EXPECT_THAT(result.pairs, IsEmpty());
  EXPECT_EQ(Why(result, "boss"), "no allowed mentor: 1 in their leadership chain, 1 met before, 1 marked do-not-pair");
}

TEST(MatchTest, MoreMenteesThanPlacesLeavesSomeWithTheCapacityReason) {
  MatchInput input;
  input.mentors = {Person("m")};
  input.mentees = {Person("e1"), Person("e2"), Person("e3")};
  const MatchResult result = Match(input);
  ASSERT_EQ(result.pairs.size(), 1u);
  ASSERT_EQ(result.unmatched.size(), 2u);
  for (const auto& u : result.unmatched) {
    EXPECT_EQ(u.why, "every allowed mentor's places went to other mentees (3 mentees for 1 place)");
  }
}

TEST(MatchTest, MentorWithTwoPlacesTakesTwoMentees) {
  MatchInput input;
  input.mentors = {Person("m", 2)};
  input.mentees = {Person("e2"), Person("e1")};
  const MatchResult result = Match(input);
  ASSERT_EQ(result.pairs.size(), 2u);
  EXPECT_EQ(result.pairs[0].mentee, "e1");  // sorted by mentor, then mentee
  EXPECT_EQ(result.pairs[1].mentee, "e2");
  EXPECT_THAT(result.unmatched, IsEmpty());

  input.mentees.pop_back();
  const MatchResult half = Match(input);
  EXPECT_EQ(half.pairs.size(), 1u);
  EXPECT_EQ(Why(half, "m"), "1 place free: no mentee left to pair (1 allowed, all with a mentor)");
}

TEST(MatchTest, MorePairsBeatAHigherScore) {
  MatchInput input;
  input.weights = {10, 0, 0, 0, 0};
  auto a = Person("a");
  auto b = Person("b");
  auto e1 = Person("e1");
  auto e2 = Person("e2");
  a.department = "Sales";
  e1.department = "Legal";  // a–e1 earns 10, every other pair 0
  input.mentors = {a, b};
  input.mentees = {e1, e2};
  input.do_not_pair = {{"b", "e2"}};  // so b can only take e1
  const MatchResult result = Match(input);
  ASSERT_EQ(result.pairs.size(), 2u);
  EXPECT_EQ(result.pairs[0].mentor, "a");
  EXPECT_EQ(result.pairs[0].mentee, "e2");
  EXPECT_EQ(result.pairs[1].mentee, "e1");
  EXPECT_EQ(result.total_score, 0);
}

TEST(MatchTest, ManagerCyclesTerminateAndBindEveryoneOnTheCycle) {
  MatchInput input;
  input.managers = {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"z", "z"}, {"d", "c"}};
  input.mentors = {Person("a"), Person("z")};
  input.mentees = {Person("b"), Person("d")};
  const MatchResult result = Match(input);
  // a is on b's cycle and above d (d -> c -> a): only z may pair.
  ASSERT_EQ(result.pairs.size(), 1u);
  EXPECT_EQ(result.pairs[0].mentor, "z");
  EXPECT_EQ(Why(result, "a"), "no allowed mentee: 2 in their leadership chain");
}

TEST(MatchTest, ReasonsNeverQuoteBackgrounds) {
  MatchInput input;
  auto mentor = Person("m");
  mentor.background = "zebrafish genomics";
  auto mentee = Person("e");
  mentee.background = "quantum cryptography";
  auto loner = Person("lonely");
  loner.background = "zebrafish breeding";
  input.mentors = {mentor};
  input.mentees = {mentee, loner};
  const MatchResult result = Match(input);
  ASSERT_EQ(result.pairs.size(), 1u);
  EXPECT_THAT(result.pairs[0].reasons, ::testing::Contains("different backgrounds"));
  for (const auto& pair : result.pairs) {
    for (const auto& reason : pair.reasons) {
      for (const char* word : {"zebrafish", "genomics", "quantum", "cryptography", "breeding"}) {
        EXPECT_EQ(reason.find(word), std::string::npos) << reason;
      }
    }
  }
  for (const auto& u : result.unmatched) EXPECT_EQ(u.why.find("zebrafish"), std::string::npos) << u.why;
}

// ---- Random cohorts against brute force ----------------------------------

std::string Pick(std::mt19937& rng, const std::vector<std::string>& options) { return options[rng() % options.size()]; }

MatchInput RandomCohort(std::mt19937& rng) {
  MatchInput input;
  input.at = kWinter;
  const int mentors = static_cast<int>(rng() % 6);
  const int mentees = static_cast<int>(rng() % 7);
  const std::vector<std::string> departments = {"Finance", "finance ", "Engineering", "Sales", ""};
  const std::vector<std::string> locations = {"Berlin", "Lagos", "berlin", ""};
  const std::vector<std::string> zones = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "", "Not/AZone",
                                          "Asia/Kolkata", "America/Los_Angeles"};
  const std::vector<std::string> backgrounds = {"", "finance and accounting", "software engineering",
                                                "accounting software", "music", "marine biology research"};
  auto random_person = [&](std::string id) {
    MatchCandidate p = Person(std::move(id), static_cast<int>(rng() % 5 == 0 ? 0 : 1 + rng() % 2));
    p.department = Pick(rng, departments);
    p.location = Pick(rng, locations);
    p.time_zone = Pick(rng, zones);
    p.background = Pick(rng, backgrounds);
    if (rng() % 4 != 0) p.level = static_cast<int>(rng() % 12);
    return p;
  };
  std::vector<std::string> everyone = {"x1", "x2", "x3"};
  for (int i = 0; i < mentors; ++i) everyone.push_back(input.mentors.emplace_back(random_person("m" + std::to_string(i))).id);
  for (int i = 0; i < mentees; ++i) everyone.push_back(input.mentees.emplace_back(random_person("e" + std::to_string(i))).id);
  for (const auto& person : everyone) {
    if (rng() % 10 < 6) input.managers.push_back({person, Pick(rng, everyone)});  // cycles and self-loops too
  }
  for (int k = 0; k < 3; ++k) {
    auto& list = (k % 2 == 0) ? input.already_met : input.do_not_pair;
    const std::string a = Pick(rng, everyone);
    const std::string b = Pick(rng, everyone);
    list.insert(rng() % 2 ? std::pair{a, b} : std::pair{b, a});
  }
  return input;
}

// The reference: the leadership chain by walking (leadership_chain.h), the
// lists looked up directly, every pairing tried.
class BruteForce {
 public:
  explicit BruteForce(const MatchInput& input) : input_(input) {
    std::map<std::string, std::string> manager;
    for (const auto& [person, boss] : input.managers) manager.emplace(person, boss);
    auto lookup = [&manager](const std::string& p) {
      auto it = manager.find(p);
      return it == manager.end() ? std::string() : it->second;
    };
    for (const auto& mentee : input.mentees) {
      auto& row = score_.emplace_back();
      for (const auto& mentor : input.mentors) {
        const bool forbidden = ChainBetween(mentor.id, mentee.id, lookup) ||
                               input.already_met.count({mentor.id, mentee.id}) || input.already_met.count({mentee.id, mentor.id}) ||
                               input.do_not_pair.count({mentor.id, mentee.id}) || input.do_not_pair.count({mentee.id, mentor.id});
        const PairScore scored = ScorePair(input, mentor, mentee);
        EXPECT_EQ(forbidden, !scored.score.has_value()) << mentor.id << " / " << mentee.id;
        row.push_back(forbidden ? std::nullopt : scored.score);
      }
    }
    left_.clear();
    for (const auto& mentor : input.mentors) left_.push_back(std::max(0, mentor.capacity));
  }

  std::pair<int, std::int64_t> Best() { return Search(0); }
  std::optional<int> Score(std::size_t mentee, std::size_t mentor) const { return score_[mentee][mentor]; }

 private:
  std::pair<int, std::int64_t> Search(std::size_t mentee) {
    if (mentee == input_.mentees.size()) return {0, 0};
    auto best = Search(mentee + 1);
    for (std::size_t m = 0; m < input_.mentors.size(); ++m) {
      if (left_[m] == 0 || !score_[mentee][m]) continue;
      --left_[m];
      auto [pairs, score] = Search(mentee + 1);
      ++left_[m];
      best = std::max(best, std::pair{pairs + 1, score + *score_[mentee][m]});
    }
    return best;
  }

  const MatchInput& input_;
  std::vector<std::vector<std::optional<int>>> score_;
  std::vector<int> left_;
};

TEST(MatchTest, RandomCohortsMatchBruteForce) {
  std::mt19937 rng(5151);
  for (int round = 0; round < 400; ++round) {
    const MatchInput input = RandomCohort(rng);
    BruteForce reference(input);
    const auto [best_pairs, best_score] = reference.Best();
    const MatchResult result = Match(input);
    ASSERT_EQ(static_cast<int>(result.pairs.size()), best_pairs) << "round " << round;
    ASSERT_EQ(result.total_score, best_score) << "round " << round;

    // Valid: allowed pairs with their own scores, capacities kept, each
    // mentee once; everyone else accounted for, in the documented order.
    std::map<std::string, std::size_t> mentor_at, mentee_at;
    for (std::size_t m = 0; m < input.mentors.size(); ++m) mentor_at[input.mentors[m].id] = m;
    for (std::size_t e = 0; e < input.mentees.size(); ++e) mentee_at[input.mentees[e].id] = e;
    std::map<std::string, int> taken;
    std::set<std::string> paired;
    std::int64_t sum = 0;
    for (const auto& pair : result.pairs) {
      const auto score = reference.Score(mentee_at.at(pair.mentee), mentor_at.at(pair.mentor));
      ASSERT_TRUE(score) << pair.mentor << " / " << pair.mentee;
      EXPECT_EQ(pair.score, *score);
      EXPECT_TRUE(paired.insert(pair.mentee).second);
      EXPECT_LE(++taken[pair.mentor], input.mentors[mentor_at.at(pair.mentor)].capacity);
      sum += pair.score;
    }
    EXPECT_EQ(sum, result.total_score);
    EXPECT_TRUE(std::is_sorted(result.pairs.begin(), result.pairs.end(), [](const auto& a, const auto& b) {
      return std::tie(a.mentor, a.mentee) < std::tie(b.mentor, b.mentee);
    }));
    std::vector<std::string> expected_unmatched;
    for (const auto& e : input.mentees) {
      if (!paired.count(e.id)) expected_unmatched.push_back(e.id);
    }
    std::sort(expected_unmatched.begin(), expected_unmatched.end());
    std::vector<std::string> mentors_left;
    for (const auto& m : input.mentors) {
      if (m.capacity > taken[m.id]) mentors_left.push_back(m.id);
    }
    std::sort(mentors_left.begin(), mentors_left.end());
    expected_unmatched.insert(expected_unmatched.end(), mentors_left.begin(), mentors_left.end());
    EXPECT_EQ(Ids(result.unmatched), expected_unmatched) << "round " << round;
  }
}

TEST(MatchTest, SameInputGivesTheSameResult) {
  std::mt19937 rng(77);
  MatchInput input;
  input.at = kWinter;
  for (int i = 0; i < 30; ++i) input.mentors.push_back(Person("m" + std::to_string(i), 1 + i % 2));
  for (int i = 0; i < 60; ++i) {
    auto mentee = Person("e" + std::to_string(i));
    mentee.department = (rng() % 2) ? "Sales" : "Legal";  // many equal scores: ties everywhere
    input.mentees.push_back(mentee);
  }
  auto flatten = [](const MatchResult& r) {
    std::vector<std::string> out;
    for (const auto& p : r.pairs) out.push_back(p.mentor + ">" + p.mentee + ":" + std::to_string(p.score));
    for (const auto& u : r.unmatched) out.push_back(u.id + "?" + u.why);
    return out;
  };
  const auto first = flatten(Match(input));
  EXPECT_EQ(first, flatten(Match(input)));
  EXPECT_EQ(first.size(), 60u);  // 45 pairs and 15 mentees waiting
}

}  // namespace
}  // namespace mentorbot
