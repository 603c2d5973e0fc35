#include "bot/engine/scheduler.h"

#include "bot/engine/delivery_window.h"
#include "bot/engine/pair_snapshot.h"
#include "bot/engine/weekly_digest.h"

namespace mentorbot {

StatusOr<TickReport> Scheduler::Tick(TimePoint now, bool dry_run, bool keep_items) {
  TickReport report;
  const Store::Access access = dry_run ? Store::Access::kRead : Store::Access::kWrite;
  Status status = store_.Run(access, [&](StoreTransaction& store) {
    report = TickReport{};
    const ProgramRules rules = LoadRules(store.program());
    auto handle = [&](PlannedMessage& planned) {
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
      Message message = planned.build();
      if (!dry_run) store.outbox().Enqueue(planned.key, Address{planned.to, planned.conversation, "", ""}, message, send_at, now);
      ++report.queued_count;
      if (keep_items) {
        report.queued.push_back(TickReport::Item{planned.key, planned.to, planned.conversation, std::move(message), send_at});
      }
    };
    // Pairs are streamed: one snapshot and its plan at a time.
    WeeklyDigest digest(rules, settings_, now);
    for (const Pair& pair : store.pairs().ListOpen()) {
      auto snapshot = LoadPairSnapshot(store, pair);
      if (!snapshot) continue;
      digest.Count(*snapshot);
      for (PlannedMessage& planned : PlanPairMessages(*snapshot, rules, settings_, now)) handle(planned);
    }
    for (PlannedMessage& planned : digest.Plan(store)) handle(planned);
  });
  if (!status.ok()) return status;
  return report;
}

}  // namespace mentorbot
