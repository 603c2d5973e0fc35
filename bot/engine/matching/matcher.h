// bot/engine/matching/ — who should meet whom: scoring candidate pairs for
// their differences, the optimal assignment, the reasons shown to admins,
// the cohort read from the store and starting the pairs an admin accepts.
// May use: program, roster, time.
//
// The matcher: the best mentor–mentee pairs for a whole cohort. Pure: people,
// the org chart and weights in, pairs with their reasons out — no store, no
// platform, no clock (the moment used for time-zone offsets is an input).
//
// A pair scores points for what differs between the two people (department,
// location, a level gap inside the configured range, self-described
// background) and for the working hours their time zones share. A pair
// inside one leadership chain, a pair that already met, or an explicit
// "do not pair" is forbidden. The result maximises first the number of pairs
// and then their total score, over an optimal assignment (not greedy); a
// mentor with capacity c takes up to c mentees. Deterministic: the same input
// gives the same pairs.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "bot/core/clock.h"
#include "bot/engine/program_rules.h"

namespace mentorbot {

struct MatchCandidate {
  std::string id;  // the person's key (user key or "email:…"), unique in the input
  std::string department;
  std::optional<int> level;
  std::string location;
  std::string time_zone;   // IANA name; empty = MatchInput::default_time_zone
  std::string background;  // self-described; compared, never quoted in reasons
  int capacity = 1;        // mentors: free places now (capacity minus open pairs)
};

struct MatchInput {
  std::vector<MatchCandidate> mentors;
  std::vector<MatchCandidate> mentees;
  // The org chart: (person key, manager key) for everyone known, participants
  // or not. A key absent here has no known manager. Cycles are tolerated.
  std::vector<std::pair<std::string, std::string>> managers;
  // Unordered pairs of keys that may not be paired: they met in an earlier
  // cohort, or an admin said "do not pair". Either order may be given.
  std::set<std::pair<std::string, std::string>> already_met;
  std::set<std::pair<std::string, std::string>> do_not_pair;
  MatchWeights weights;
  std::string default_time_zone = "UTC";
  TimePoint at{};  // time-zone offsets are taken at this moment
};

struct ProposedPair {
  std::string mentor;  // MatchCandidate::id
  std::string mentee;
  int score = 0;
  std::vector<std::string> reasons;  // e.g. "different departments", "4 h of shared working hours"
};

struct Unmatched {
  std::string id;
  // In words, ids and counts only, e.g. "no allowed mentor: 3 in their
  // leadership chain, 1 met before" or "every allowed mentor's places went to
  // other mentees (5 mentees for 3 places)"; never a background.
  std::string why;
};

struct MatchResult {
  std::vector<ProposedPair> pairs;     // by mentor id, then mentee id
  std::vector<Unmatched> unmatched;    // mentees first, then mentors with free places; by id
  std::int64_t total_score = 0;
  double mean_score() const { return pairs.empty() ? 0.0 : static_cast<double>(total_score) / pairs.size(); }
};

// The score of one mentor–mentee pair and its reasons, or nullopt with the
// reason (in `forbidden_why`) when the pair is forbidden.
struct PairScore {
  std::optional<int> score;
  std::vector<std::string> reasons;
  std::string forbidden_why;
};

// Scores every available mentor against every mentee once, then solves one
// assignment (assignment.h) with a place per column: about 70 ms and 30 MiB
// for 1 000 mentees and 1 750 places (bench/match_bench.cpp).
MatchResult Match(const MatchInput& input);

// One pair on its own, scored exactly as Match scores it (an admin's manual
// pairing, "why not these two?"). Capacity is ignored; forbidden_why is
// "the same person", "in one leadership chain", "met before" or "marked
// do-not-pair". Builds the org chart from `input.managers` on every call:
// for one pair, not for a loop over a cohort.
PairScore ScorePair(const MatchInput& input, const MatchCandidate& mentor, const MatchCandidate& mentee);

}  // namespace mentorbot
