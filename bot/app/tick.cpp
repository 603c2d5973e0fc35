// mentorbot tick: the scheduler once, for cron-style deployments and for
// admins previewing what the bot will send (--dry-run, --as-of).
#include <iostream>

#include "bot/engine/time/iso_time.h"
#include "bot/app/subcommands.h"
#include "bot/app/system_clock.h"
#include "bot/app/wiring.h"

namespace mentorbot {

namespace {
// A clock standing still at the moment the tick runs "as of".
class FixedClock : public Clock {
 public:
  explicit FixedClock(TimePoint at) : at_(at) {}
  TimePoint Now() const override { return at_; }

 private:
  TimePoint at_;
};
}  // namespace

int RunTick(const Config& config, const Secrets& secrets, const std::string& as_of, bool dry_run) {
  std::optional<TimePoint> at = as_of.empty() ? std::optional<TimePoint>(SystemClock().Now()) : ParseIsoTime(as_of);
  if (!at) {
    std::cerr << "mentorbot: --as-of: '" << as_of << "' is not an ISO 8601 time like 2026-11-24T09:00:00Z\n";
    return 2;
  }
  FixedClock clock(*at);
  auto wiring = Wiring::Create(config, secrets, clock);
  if (!wiring.ok()) {
    std::cerr << "mentorbot: cannot start: " << wiring.status().message() << "\n";
    return 1;
  }
  auto report = (*wiring)->scheduler().Tick(*at, dry_run);
  if (!report.ok()) {
    std::cerr << "mentorbot: tick failed: " << report.status().message() << "\n";
    return 1;
  }
  for (const auto& item : report->queued) {
    std::cout << FormatIsoTime(item.send_at) << "  " << item.to.Key()
              << (item.conversation.empty() ? "" : " in " + item.conversation) << "  " << item.key << "  "
              << item.message.summary << "\n";
  }
  std::cout << (dry_run ? "would queue " : "queued ") << report->queued.size() << " messages as of "
            << FormatIsoTime(*at);
  if (report->next_due) std::cout << "; next due " << FormatIsoTime(*report->next_due);
  std::cout << "\n";
  if (!dry_run) {
    const int attempted = (*wiring)->outbox().DeliverDue();
    std::cout << "delivery attempts: " << attempted << "\n";
  }
  return 0;
}

}  // namespace mentorbot
