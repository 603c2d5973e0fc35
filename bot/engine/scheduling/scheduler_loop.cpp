#include "bot/engine/scheduling/scheduler_loop.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

namespace mentorbot {

void SchedulerLoop::Run() {
  std::optional<std::chrono::steady_clock::time_point> planned;  // when the current sleep should end
  std::chrono::seconds sleep = max_sleep_;
  do {
    const auto started = monotonic_now_();
    if (planned) {
      const auto late = std::chrono::duration_cast<std::chrono::microseconds>(started - *planned);
      lag_micros_ = std::max<std::int64_t>(0, late.count());
    }
    const TimePoint now = clock_.Now();
    auto report = scheduler_.Tick(now, /*dry_run=*/false, /*keep_items=*/false);
    sleep = max_sleep_;
    if (!report.ok()) {
      spdlog::error("scheduler: tick failed: {}", report.status().message());
    } else {
      if (report->queued_count > 0) {
        spdlog::info("scheduler: queued {} messages", report->queued_count);
        if (on_queued_) on_queued_();
      }
      if (report->next_due) sleep = std::clamp(*report->next_due - now, std::chrono::seconds(1), max_sleep_);
    }
    planned = started + sleep;
  } while (signal_.Wait(sleep));
}

}  // namespace mentorbot
