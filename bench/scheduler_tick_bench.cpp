// One scheduler tick over a large program: N pairs (2N people), each with a
// confirmed upcoming session and one held session, in a real SQLite file.
// Reports the time of a tick (planning everything, queueing what is due) and
// the process's peak resident memory.
//   bench/run_scheduler_bench.sh            (builds with -DMENTORBOT_BENCH=ON)
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>

#include "bot/engine/scheduling/scheduler.h"
#include "storage/sqlite_store.h"

namespace mentorbot {
namespace {

const TimePoint kStart = TimePoint(std::chrono::seconds(1795424400));  // Monday 2026-11-23 09:00 UTC

std::unique_ptr<SqliteStore> BuildProgram(const std::string& path, int pairs) {
  std::filesystem::remove(path);
  auto store = std::move(SqliteStore::Open(path).value());
  Status status = store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    const char* zones[] = {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"};
    for (int i = 0; i < pairs; ++i) {
      Person mentor, mentee;
      mentor.ref = UserRef{Platform::kSlack, "T1", "UM" + std::to_string(i)};
      mentee.ref = UserRef{Platform::kSlack, "T1", "UE" + std::to_string(i)};
      mentor.display_name = "mentor " + std::to_string(i);
      mentee.display_name = "mentee " + std::to_string(i);
      mentor.role = Role::kMentor;
      mentee.role = Role::kMentee;
      mentor.joined_at = mentee.joined_at = kStart - std::chrono::days(30);
      mentee.profile.time_zone = zones[i % 4];
      Pair pair;
      pair.mentor_id = tx.people().Save(mentor);
      pair.mentee_id = tx.people().Save(mentee);
      pair.created_at = kStart - std::chrono::days(30);
      pair.id = tx.pairs().Save(pair);
      Session held;
      held.pair_id = pair.id;
      held.state = SessionState::kHeld;
      held.starts_at = kStart - std::chrono::days(10);
      held.held_at = held.starts_at;
      held.takeaways = "notes";
      held.created_at = held.starts_at;
      tx.sessions().Save(held);
      Session next;
      next.pair_id = pair.id;
      next.state = SessionState::kConfirmed;
      next.starts_at = kStart + std::chrono::minutes(i % (60 * 24 * 14));  // spread over two weeks
      next.created_at = kStart;
      tx.sessions().Save(next);
    }
  });
  if (!status.ok()) throw std::runtime_error(status.message());
  return store;
}

void BM_SchedulerTick(benchmark::State& state) {
  const int pairs = static_cast<int>(state.range(0));
  const std::string path = (std::filesystem::temp_directory_path() / "mentorbot-bench.db").string();
  auto store = BuildProgram(path, pairs);
  ProgramSettings settings;
  settings.admins.push_back(UserRef{Platform::kSlack, "T1", "UADMIN"});
  Scheduler scheduler(*store, settings);
  TimePoint now = kStart;
  std::size_t queued = 0;
  for (auto _ : state) {
    auto report = scheduler.Tick(now, /*dry_run=*/false, /*keep_items=*/false);
    if (!report.ok()) state.SkipWithError(report.status().message().c_str());
    queued += static_cast<std::size_t>(report->queued_count);
    now += std::chrono::minutes(10);  // each tick finds the next slice of due reminders
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["pairs"] = pairs;
  state.counters["queued_per_tick"] = static_cast<double>(queued) / static_cast<double>(state.iterations());
  state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
  std::filesystem::remove(path);
}

BENCHMARK(BM_SchedulerTick)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace mentorbot

BENCHMARK_MAIN();
