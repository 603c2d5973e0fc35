#include "bot/engine/matching/match_explanations.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>

#include "bot/engine/command_text.h"

namespace mentorbot {

namespace {

using BarCounts = std::array<std::size_t, kPairBarKinds>;

// "3 in their leadership chain, 1 met before": only the non-zero counts.
std::string Describe(const BarCounts& counts) {
  std::string text;
  auto add = [&](PairBar bar, std::string_view words) {
    const std::size_t n = counts[static_cast<int>(bar)];
    if (n == 0) return;
    text += (text.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(words);
  };
  add(PairBar::kSamePerson, counts[static_cast<int>(PairBar::kSamePerson)] == 1 ? "is themselves" : "are themselves");
  add(PairBar::kLeadershipChain, "in their leadership chain");
  add(PairBar::kMetBefore, "met before");
  add(PairBar::kDoNotPair, "marked do-not-pair");
  return text;
}

// Per mentor, the mentees it may take, as bits: the mentees competing for a
// set of mentors are the OR of their rows.
class AllowedBits {
 public:
  explicit AllowedBits(const MatchTable& table)
      : words_((static_cast<std::size_t>(table.mentee_count()) + 63) / 64),
        bits_(words_ * static_cast<std::size_t>(table.mentor_count()), 0) {
    for (int e = 0; e < table.mentee_count(); ++e) {
      for (int m = 0; m < table.mentor_count(); ++m) {
        if (table.allowed(e, m)) bits_[m * words_ + e / 64] |= std::uint64_t{1} << (e % 64);
      }
    }
  }

  std::size_t CountAnyOf(const std::vector<int>& mentors) const {
    std::vector<std::uint64_t> any(words_, 0);
    for (int m : mentors) {
      for (std::size_t w = 0; w < words_; ++w) any[w] |= bits_[m * words_ + w];
    }
    std::size_t count = 0;
    for (std::uint64_t word : any) count += static_cast<std::size_t>(std::popcount(word));
    return count;
  }

 private:
  std::size_t words_;
  std::vector<std::uint64_t> bits_;
};

// REQUIRES: `bits` is set when there are mentors.
std::string WhyMenteeUnpaired(const MatchTable& table, int e, const std::optional<AllowedBits>& bits) {
  if (table.mentor_count() == 0) return "no mentors with free places";
  BarCounts counts{};
  std::vector<int> allowed;
  std::size_t places = 0;
  for (int m = 0; m < table.mentor_count(); ++m) {
    ++counts[static_cast<int>(table.bar(e, m))];
    if (table.allowed(e, m)) {
      allowed.push_back(m);
      places += static_cast<std::size_t>(table.places(m));
    }
  }
  if (allowed.empty()) return "no allowed mentor: " + Describe(counts);
  // With the most pairs possible, every place of an allowed mentor is taken.
  return "every allowed mentor's places went to other mentees (" + Counted(bits->CountAnyOf(allowed), "mentee") +
         " for " + Counted(places, "place") + ")";
}

std::string WhyMentorHasPlaces(const MatchTable& table, int m) {
  if (table.mentee_count() == 0) return "no mentees to pair";
  BarCounts counts{};
  for (int e = 0; e < table.mentee_count(); ++e) ++counts[static_cast<int>(table.bar(e, m))];
  const std::size_t allowed = counts[static_cast<int>(PairBar::kAllowed)];
  if (allowed == 0) return "no allowed mentee: " + Describe(counts);
  // With the most pairs possible, every allowed mentee has a mentor.
  return "no mentee left to pair (" + std::to_string(allowed) + " allowed, all with a mentor)";
}

bool ById(const Unmatched& a, const Unmatched& b) { return a.id < b.id; }

}  // namespace

std::vector<Unmatched> ExplainUnmatched(const MatchTable& table, const std::vector<int>& mentor_of) {
  std::vector<Unmatched> unmatched;
  // The bit rows cost mentors x mentees / 8 bytes; only built when needed.
  std::optional<AllowedBits> bits;
  if (table.mentor_count() > 0 && std::count(mentor_of.begin(), mentor_of.end(), -1) > 0) bits.emplace(table);
  for (int e = 0; e < table.mentee_count(); ++e) {
    if (mentor_of[e] < 0) unmatched.push_back({table.mentee(e).id, WhyMenteeUnpaired(table, e, bits)});
  }
  std::sort(unmatched.begin(), unmatched.end(), ById);

  const std::size_t mentees_end = unmatched.size();
  std::vector<int> taken(table.mentor_count(), 0);
  for (int m : mentor_of) {
    if (m >= 0) ++taken[m];
  }
  for (int m = 0; m < table.mentor_count(); ++m) {
    const int free = table.places(m) - taken[m];
    if (free <= 0) continue;
    std::string why = WhyMentorHasPlaces(table, m);
    if (taken[m] > 0) why = Counted(static_cast<std::size_t>(free), "place") + " free: " + why;
    unmatched.push_back({table.mentor(m).id, std::move(why)});
  }
  std::sort(unmatched.begin() + static_cast<std::ptrdiff_t>(mentees_end), unmatched.end(), ById);
  return unmatched;
}

}  // namespace mentorbot
