#include "bot/engine/scheduler_loop.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace mentorbot {

void SchedulerLoop::Run() {
  std::chrono::seconds sleep = max_sleep_;
  do {
    const TimePoint now = clock_.Now();
    auto report = scheduler_.Tick(now, /*dry_run=*/false, /*keep_items=*/false);
    sleep = max_sleep_;
    if (!report.ok()) {
      spdlog::error("scheduler: tick failed: {}", report.status().message());
      continue;
    }
    if (report->queued_count > 0) {
      spdlog::info("scheduler: queued {} messages", report->queued_count);
      if (on_queued_) on_queued_();
    }
    if (report->next_due) sleep = std::clamp(*report->next_due - now, std::chrono::seconds(1), max_sleep_);
  } while (signal_.Wait(sleep));
}

}  // namespace mentorbot
