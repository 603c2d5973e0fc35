#include "bot/engine/scheduling/scheduler.h"

#include <spdlog/spdlog.h>

#include "bot/engine/scheduling/delivery_window.h"
#include "bot/engine/program/pair_snapshot.h"
#include "bot/engine/scheduling/weekly_digest.h"

namespace mentorbot {

namespace {
// Due messages are written in batches of this many, so neither memory nor
// any single write transaction grows with the size of the program.
constexpr std::size_t kWriteBatch = 500;
}  // namespace

StatusOr<TickReport> Scheduler::Tick(TimePoint now, bool dry_run, bool keep_items) {
  // Planning reads a snapshot (seconds for a large program); due messages
  // are written in short transactions beside it (WAL allows that), so
  // webhooks never wait behind a tick. Keys keep the writes idempotent.
  TickReport report;
  std::vector<TickReport::Item> due;
  Status write_status;
  auto flush = [&] {
    if (due.empty() || !write_status.ok()) return;
    std::vector<bool> queued(due.size(), !dry_run);
    if (!dry_run) {
      write_status = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
        for (std::size_t i = 0; i < due.size(); ++i) {
          // False when another process queued the same key since we planned.
          queued[i] = store.outbox().Enqueue(due[i].key, Address{due[i].to, due[i].conversation, "", ""},
                                             due[i].message, due[i].send_at, now);
        }
      });
    }
    for (std::size_t i = 0; i < due.size() && write_status.ok(); ++i) {
      if (!queued[i] && !dry_run) continue;
      ++report.queued_count;
      if (keep_items) report.queued.push_back(std::move(due[i]));
    }
    due.clear();
  };
  Status planned_ok = store_.Run(Store::Access::kRead, [&](StoreTransaction& store) {
    const ProgramRules rules = LoadRules(store.program());
    auto consider = [&](PlannedMessage& planned) {
      if (planned.due > now) {
        if (!report.next_due || planned.due < *report.next_due) report.next_due = planned.due;
        return;
      }
      if (store.outbox().Contains(planned.key)) return;
      const TimePoint send_at = planned.ignores_quiet_hours ? now : NextAllowedMoment(now, planned.zone, rules);
      if (planned.expires && send_at >= *planned.expires) {
        ++report.expired;
        return;
      }
      due.push_back(TickReport::Item{planned.key, planned.to, planned.conversation, planned.build(), send_at});
      if (due.size() >= kWriteBatch) flush();
    };
    // Pairs are streamed: one snapshot and its plan at a time.
    WeeklyDigest digest(rules, settings_, now);
    for (const Pair& pair : store.pairs().ListOpen()) {
      auto snapshot = LoadPairSnapshot(store, pair);
      if (!snapshot) continue;
      digest.Count(*snapshot);
      for (PlannedMessage& planned : PlanPairMessages(*snapshot, rules, settings_, now)) consider(planned);
    }
    for (PlannedMessage& planned : digest.Plan(store)) consider(planned);
  });
  if (!planned_ok.ok()) return planned_ok;
  flush();
  if (!write_status.ok()) return write_status;
  if (!dry_run) {
    // Files handed over in chat (invitations, exports) that were never
    // taken, e.g. a Teams consent card nobody answered.
    // A failure here only delays the clean-up: the tick's messages are queued.
    Status pruned = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
      report.files_erased = store.files().EraseExpired(now);
    });
    if (!pruned.ok()) spdlog::warn("scheduler: erasing expired files failed, retried next tick: {}", pruned.message());
  }
  return report;
}

}  // namespace mentorbot
