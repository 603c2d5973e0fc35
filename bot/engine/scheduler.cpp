#include "bot/engine/scheduler.h"

#include "bot/engine/delivery_window.h"
#include "bot/engine/pair_snapshot.h"
#include "bot/engine/weekly_digest.h"

#include <iterator>

namespace mentorbot {

StatusOr<TickReport> Scheduler::Tick(TimePoint now, bool dry_run) {
  TickReport report;
  const Store::Access access = dry_run ? Store::Access::kRead : Store::Access::kWrite;
  Status status = store_.Run(access, [&](StoreTransaction& store) {
    report = TickReport{};
    const ProgramRules rules = LoadRules(store.program());
    const std::vector<PairSnapshot> pairs = LoadPairSnapshots(store);
    std::vector<PlannedMessage> all = PlanWeeklyDigest(store, pairs, rules, settings_, now);
    for (const PairSnapshot& pair : pairs) {
      auto planned_for_pair = PlanPairMessages(pair, rules, settings_, now);
      std::move(planned_for_pair.begin(), planned_for_pair.end(), std::back_inserter(all));
    }
    {
      for (PlannedMessage& planned : all) {
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
