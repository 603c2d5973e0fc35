#include "bot/engine/scheduler.h"

#include "bot/engine/delivery_window.h"
#include "bot/engine/pair_snapshot.h"

namespace mentorbot {

StatusOr<TickReport> Scheduler::Tick(TimePoint now, bool dry_run) {
  TickReport report;
  const Store::Access access = dry_run ? Store::Access::kRead : Store::Access::kWrite;
  Status status = store_.Run(access, [&](StoreTransaction& store) {
    report = TickReport{};
    const ProgramRules rules = LoadRules(store.program());
    for (const PairSnapshot& pair : LoadPairSnapshots(store)) {
      for (PlannedMessage& planned : PlanPairMessages(pair, rules, settings_, now)) {
        if (planned.due > now) {
          if (!report.next_due || planned.due < *report.next_due) report.next_due = planned.due;
          continue;
        }
        if (store.outbox().Contains(planned.key)) continue;
        const TimePoint send_at = planned.ignores_quiet_hours ? now : NextAllowedMoment(now, planned.zone, rules);
        if (planned.expires && send_at >= *planned.expires) {
          ++report.expired;
          continue;
        }
        if (!dry_run) {
          Address to{planned.to, planned.conversation, "", ""};
          store.outbox().Enqueue(planned.key, to, planned.message, send_at, now);
        }
        report.queued.push_back(TickReport::Item{std::move(planned), send_at});
      }
    }
  });
  if (!status.ok()) return status;
  return report;
}

}  // namespace mentorbot
