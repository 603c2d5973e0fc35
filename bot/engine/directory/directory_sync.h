// DirectorySync: keeps the org chart as the company directories say it is.
// For each source (Graph, Slack) it reads outside any transaction — the
// read may take minutes and changes nothing — then writes the whole read in
// one transaction: the merge (directory_merge.h), the departures, the
// reorg review of every open pair, and the source's new place in the
// change stream. A read that fails leaves everything as it was (only the
// error is recorded). Schedule: a full read on start-up and every
// `full_every`, incremental reads every `incremental_every`, and a full
// read at once when an admin asked (`admin directory sync`), who then gets
// the summary.
// Thread-safety: one thread runs Run (or SyncAll); Wake/Stop from any thread.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bot/core/clock.h"
#include "bot/core/directory_source.h"
#include "bot/core/store.h"
#include "bot/engine/directory/directory_merge.h"
#include "bot/engine/program_settings.h"
#include "bot/engine/wake_signal.h"

namespace mentorbot {

struct DirectorySchedule {
  std::chrono::minutes full_every{24 * 60};
  std::chrono::minutes incremental_every{60};
};

struct DirectorySyncSummary {
  std::string source;
  std::string workspace;
  bool full = true;
  Status status;  // not OK: nothing was written
  DirectoryChanges changes;
  int pairs_to_review = 0;  // newly inside one chain, put to the admins
  int departed = 0;         // participants who left the directory
  int requests = 0;         // HTTP calls of the read
  std::chrono::milliseconds read_time{0};
  std::chrono::milliseconds write_time{0};
};

// One line per source, for the command line and the log.
std::string SummaryLine(const DirectorySyncSummary& summary);
// The summary for an admin who asked for the sync.
Message SummaryMessage(const std::vector<DirectorySyncSummary>& summaries);

class DirectorySync {
 public:
  using MonotonicNow = std::function<std::chrono::steady_clock::time_point()>;
  // REQUIRES: store, clock and sources outlive the sync.
  DirectorySync(Store& store, const Clock& clock, ProgramSettings settings, std::vector<DirectorySource*> sources,
                DirectorySchedule schedule, MonotonicNow monotonic_now);
  DirectorySync(const DirectorySync&) = delete;
  DirectorySync& operator=(const DirectorySync&) = delete;

  // Reads and writes one source now (full, or incremental from its stored
  // place; an incremental read whose place expired reads in full).
  DirectorySyncSummary SyncSource(DirectorySource& source, bool full, const DirectoryProgress& progress);
  // Every source whose workspace is `workspace` (all when empty).
  std::vector<DirectorySyncSummary> SyncAll(bool full, const std::string& workspace, const DirectoryProgress& progress);

  // Whatever is due now: the admins' requests, then each source's full or
  // incremental read by the schedule (the first call reads each in full). Returns how long until the next is due.
  std::chrono::seconds RunDue();

  void Run();  // until Stop: RunDue, then sleep until due or woken
  void Wake() { signal_.Wake(); }
  void Stop() { signal_.Stop(); }

 private:
  // The source's participants (in `workspace`, once a read has named it).
  std::vector<std::string> WatchIds(DirectorySource& source, const std::string& workspace);
  static constexpr std::chrono::minutes kRetryAfterFailure{5};

  Store& store_;
  const Clock& clock_;
  const ProgramSettings settings_;
  std::vector<DirectorySource*> sources_;
  const DirectorySchedule schedule_;
  MonotonicNow monotonic_now_;
  WakeSignal signal_;
  std::map<std::string, TimePoint> retry_at_;  // by source: after a failed read (Run's thread only)
  // Sources not yet read in full by this process: a start-up reads in full
  // whatever the stored state says, since the bot may have been down
  // through a reorg (Run's thread only).
  std::set<std::string> full_read_pending_;
};

}  // namespace mentorbot
