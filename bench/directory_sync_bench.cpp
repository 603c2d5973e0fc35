// A full directory sync of a large Slack workspace: N members (each
// reporting to member i/10, so a ten-way tree) served by the loopback fake
// Slack, read by the real SlackDirectory (users.list pages of 200, no pause)
// and written by the real DirectorySync into a fresh SQLite file: the first
// sync adds everyone, the second finds nothing changed. Reports the read and
// write time of each, the rows written, and the process's peak resident
// memory.
//   bench/run_directory_bench.sh            (builds with -DMENTORBOT_BENCH=ON)
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>

#include "adapters/common/http_client.h"
#include "adapters/slack/slack_directory.h"
#include "bot/engine/directory/directory_sync.h"
#include "storage/sqlite_store.h"
#include "tests/support/fake_slack_server.h"

namespace mentorbot {
namespace {

class FixedClock : public Clock {
 public:
  TimePoint Now() const override { return TimePoint(std::chrono::seconds(1795424400)); }
};

void FillWorkspace(FakeSlackDirectory& directory, int members) {
  directory.SetTeam("T1");
  std::vector<FakeSlackMember> all;
  all.reserve(members);
  for (int i = 0; i < members; ++i) {
    const std::string id = "U" + std::to_string(1000000 + i);
    all.push_back(FakeSlackMember{id, "Person " + std::to_string(i), "Person " + std::to_string(i),
                                  "p" + std::to_string(i) + "@example.com", i % 2 ? "Europe/Berlin" : "Asia/Tokyo",
                                  "Title", i == 0 ? "" : "U" + std::to_string(1000000 + i / 10)});
  }
  directory.AddMembers(std::move(all));
}

long PeakRssMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

void BM_FullSlackSync(benchmark::State& state) {
  const int members = static_cast<int>(state.range(0));
  FakeSlackServer slack("xoxb-bench");
  FillWorkspace(slack.directory(), members);
  HttpClient http(std::chrono::seconds(30));
  SlackDirectoryOptions options;
  options.page_pause = std::chrono::milliseconds(0);
  SlackDirectory source(slack.base_url(), "xoxb-bench", http, options);
  FixedClock clock;
  const std::string path = (std::filesystem::temp_directory_path() / "mentorbot_directory_bench.db").string();
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove(path);
    auto store = std::move(SqliteStore::Open(path).value());
    DirectorySync sync(*store, clock, ProgramSettings{}, {&source}, DirectorySchedule{},
                       [] { return std::chrono::steady_clock::now(); });
    state.ResumeTiming();
    const auto first = sync.SyncSource(source, true, {});
    const auto second = sync.SyncSource(source, true, {});
    if (!first.status.ok() || first.changes.added != members || second.changes.added + second.changes.changed != 0) {
      state.SkipWithError(("unexpected sync: " + SummaryLine(first) + " / " + SummaryLine(second)).c_str());
      break;
    }
    state.counters["first_read_s"] = first.read_time.count() / 1000.0;
    state.counters["first_write_s"] = first.write_time.count() / 1000.0;
    state.counters["second_read_s"] = second.read_time.count() / 1000.0;
    state.counters["second_write_s"] = second.write_time.count() / 1000.0;
    state.counters["requests"] = first.requests;
    state.counters["rows_written_first"] = first.changes.added;
    state.counters["rows_written_second"] = second.changes.added + second.changes.changed;
  }
  std::filesystem::remove(path);
  state.counters["peak_rss_mb"] = static_cast<double>(PeakRssMegabytes());
}
BENCHMARK(BM_FullSlackSync)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace mentorbot

BENCHMARK_MAIN();
