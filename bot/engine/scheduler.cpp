#include "bot/engine/scheduler.h"

#include "bot/engine/delivery_window.h"
#include "bot/engine/pair_snapshot.h"
#include "bot/engine/weekly_digest.h"

namespace mentorbot {

StatusOr<TickReport> Scheduler::Tick(TimePoint now, bool dry_run, bool keep_items) {
  // Planning reads a snapshot (it can take seconds for a large program);
  // only the due messages are then written, in a short transaction, so
  // webhooks never wait behind a tick. Keys keep the write idempotent.
  TickReport report;
  std::vector<TickReport::Item> due;
  Status planned_ok = store_.Run(Store::Access::kRead, [&](StoreTransaction& store) {
    report = TickReport{};
    due.clear();
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

  if (!dry_run && !due.empty()) {
    std::vector<bool> queued(due.size(), false);
    Status written = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
      for (std::size_t i = 0; i < due.size(); ++i) {
        // False when another process queued the same key since we planned.
        queued[i] = store.outbox().Enqueue(due[i].key, Address{due[i].to, due[i].conversation, "", ""}, due[i].message,
                                           due[i].send_at, now);
      }
    });
    if (!written.ok()) return written;
    std::vector<TickReport::Item> kept;
    for (std::size_t i = 0; i < due.size(); ++i) {
      if (queued[i]) kept.push_back(std::move(due[i]));
    }
    due = std::move(kept);
  }
  report.queued_count = static_cast<int>(due.size());
  if (keep_items) report.queued = std::move(due);
  return report;
}

}  // namespace mentorbot
