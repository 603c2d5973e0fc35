// The matcher at scale: (a) the assignment solver alone on random dense N x N
// costs, (b) a whole Match over a generated company of 1k, 5k and 20k people
// — a tree org chart (fan-out 6–8), levels by depth, departments and
// locations inherited down the tree with some mixing, real IANA zones by
// location. Mentees are the most senior ~5% (reverse mentoring), mentors the
// most junior ~7% (capacity 1, every fourth 2); a few already-met and
// do-not-pair pairs. Reports time per run and the peak resident memory
// (VmHWM, reset before each benchmark).
//   bench/run_match_bench.sh            (builds with -DMENTORBOT_BENCH=ON)
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <fstream>
#include <random>
#include <string>

#include "bot/engine/matching/assignment.h"
#include "bot/engine/matching/matcher.h"

namespace mentorbot {
namespace {

const TimePoint kAt = TimePoint(std::chrono::seconds(1795424400));  // Monday 2026-11-23 09:00 UTC

// Peak resident memory in MiB since the last ResetPeakMemory().
double PeakMemoryMiB() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;  // kB
  }
  return 0;
}

// Hands memory freed by earlier benchmarks back to the system first, so it
// does not count towards the next one's peak.
void ResetPeakMemory() {
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";  // Linux >= 4.0
}

struct Location {
  const char* name;
  const char* zone;
};
constexpr Location kLocations[] = {
    {"Berlin", "Europe/Berlin"},          {"London", "Europe/London"},       {"Paris", "Europe/Paris"},
    {"Madrid", "Europe/Madrid"},          {"Warsaw", "Europe/Warsaw"},       {"Lagos", "Africa/Lagos"},
    {"Nairobi", "Africa/Nairobi"},        {"New York", "America/New_York"},  {"Toronto", "America/Toronto"},
    {"Austin", "America/Chicago"},        {"San Francisco", "America/Los_Angeles"},
    {"Sao Paulo", "America/Sao_Paulo"},   {"Bangalore", "Asia/Kolkata"},     {"Singapore", "Asia/Singapore"},
    {"Tokyo", "Asia/Tokyo"}};
constexpr const char* kDepartments[] = {"Engineering", "Finance", "Sales",   "Marketing", "Legal",   "People",
                                        "Operations",  "Support", "Product", "Design",    "Research", "Security"};
constexpr const char* kWords[] = {
    "accounting", "biology",   "chemistry", "design",   "economics", "engineering", "film",     "finance",
    "geography",  "history",   "law",       "linguistics", "literature", "marketing", "mathematics", "medicine",
    "music",      "nursing",   "philosophy", "physics", "politics",  "psychology",  "retail",   "sales",
    "sociology",  "software",  "sports",    "statistics", "teaching", "theatre",   "bootcamp", "apprenticeship",
    "military",   "startup",   "consulting", "hospitality", "journalism", "logistics", "agriculture", "art"};

MatchInput BuildCompany(int people, std::mt19937& rng) {
  auto chance = [&rng](int percent) { return static_cast<int>(rng() % 100) < percent; };
  std::vector<int> manager(people, -1), depth(people, 0), department(people, 0), location(people, 0);
  // Breadth-first: each person in turn gets 6–8 reports until everyone is placed,
  // so the index order is also seniority order.
  int next = 1;
  for (int boss = 0; next < people; ++boss) {
    const int reports = 6 + static_cast<int>(rng() % 3);
    for (int r = 0; r < reports && next < people; ++r, ++next) {
      manager[next] = boss;
      depth[next] = depth[boss] + 1;
      department[next] = boss == 0 ? next % 12 : chance(90) ? department[boss] : static_cast<int>(rng() % 12);
      location[next] = chance(70) ? location[boss] : static_cast<int>(rng() % 15);
    }
  }
  const int max_depth = depth[people - 1];

  MatchInput input;
  input.at = kAt;
  input.default_time_zone = "Europe/Berlin";
  auto id = [](int person) { return "U" + std::to_string(person); };
  for (int p = 1; p < people; ++p) input.managers.push_back({id(p), id(manager[p])});
  auto candidate = [&](int p) {
    MatchCandidate c;
    c.id = id(p);
    c.department = kDepartments[department[p]];
    c.level = 3 + 2 * (max_depth - depth[p]) + static_cast<int>(rng() % 2);
    c.location = kLocations[location[p]].name;
    if (!chance(5)) c.time_zone = kLocations[location[p]].zone;
    if (!chance(20)) {
      for (int w = 3 + static_cast<int>(rng() % 4); w > 0; --w) c.background += std::string(kWords[rng() % 40]) + " ";
    }
    return c;
  };
  const int mentees = people * 5 / 100;
  const int mentors = people * 7 / 100;
  for (int p = 0; p < mentees; ++p) input.mentees.push_back(candidate(p));
  for (int p = people - mentors; p < people; ++p) {
    input.mentors.push_back(candidate(p));
    input.mentors.back().capacity = input.mentors.size() % 4 == 0 ? 2 : 1;
  }
  for (const auto& mentee : input.mentees) {
    auto random_mentor = [&] { return input.mentors[rng() % input.mentors.size()].id; };
    if (chance(10)) input.already_met.insert({random_mentor(), mentee.id});
    if (chance(2)) input.do_not_pair.insert({mentee.id, random_mentor()});
  }
  return input;
}

void BM_SolveAssignment(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::int64_t> value(0, 1'000'000);
  std::vector<std::int64_t> cost(static_cast<std::size_t>(n) * n);
  for (auto& c : cost) c = value(rng);
  ResetPeakMemory();
  for (auto _ : state) benchmark::DoNotOptimize(SolveAssignment(n, n, cost));
  state.counters["peak_MiB"] = PeakMemoryMiB();
}

void BM_Match(benchmark::State& state) {
  std::mt19937 rng(7);
  const MatchInput input = BuildCompany(static_cast<int>(state.range(0)), rng);
  ResetPeakMemory();
  MatchResult result;
  for (auto _ : state) {
    result = Match(input);
    benchmark::DoNotOptimize(result);
  }
  int places = 0;
  for (const auto& mentor : input.mentors) places += mentor.capacity;
  state.counters["people"] = static_cast<double>(state.range(0));
  state.counters["mentees"] = static_cast<double>(input.mentees.size());
  state.counters["mentors"] = static_cast<double>(input.mentors.size());
  state.counters["places"] = places;
  state.counters["pairs"] = static_cast<double>(result.pairs.size());
  state.counters["mean_score"] = result.mean_score();
  state.counters["peak_MiB"] = PeakMemoryMiB();
}

BENCHMARK(BM_SolveAssignment)->Arg(500)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Match)->Arg(1000)->Arg(5000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mentorbot

BENCHMARK_MAIN();
