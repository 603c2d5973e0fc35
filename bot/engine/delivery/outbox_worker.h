// bot/engine/delivery/ — getting messages to people: notifications queued in
// the outbox inside the command's transaction, and the worker that drains
// the outbox through each platform's Sender.
// May use: time.
//
// OutboxWorker: delivers what the engine queued, through each platform's
// Sender, on its own thread. At-least-once: a message is marked delivered
// only after the platform accepted it; transient failures are retried with
// exponential backoff (or the platform's Retry-After); permanent ones are
// marked failed with the reason, never retried. Claims are leased in the
// database, so two processes never deliver the same message at once, and a
// message claimed by a crashed process is taken again when its lease ends.
//
// Thread-safety: DeliverDue runs on one thread at a time (the worker's, or a
// test's); Wake, Stop and Totals may be called from any thread. Not copyable.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>

#include "bot/core/clock.h"
#include "bot/core/outbound.h"
#include "bot/core/store.h"
#include "bot/engine/wake_signal.h"

namespace mentorbot {

struct OutboxOptions {
  int batch = 20;                            // messages claimed per round
  std::chrono::seconds lease{120};           // how long a claim keeps others off
  int max_attempts = 12;                     // then a transient failure becomes permanent
  std::chrono::seconds first_backoff{5};     // doubled after each failed attempt...
  std::chrono::seconds max_backoff{3600};    // ...up to this
  std::chrono::seconds idle_recheck{5};      // how often to look for work queued by other processes
};

class OutboxWorker {
 public:
  // REQUIRES: store, clock and senders outlive the worker. A message for a
  // platform without a sender is left for another process to deliver.
  OutboxWorker(Store& store, const Clock& clock, std::map<Platform, Sender*> senders, OutboxOptions options = {},
               std::optional<UserRef> only_recipient = std::nullopt);
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  // Delivers every message due now, in rounds of `batch`. Returns how many
  // deliveries were attempted. Storage failures are logged, not thrown.
  // Once Stop was called it finishes the delivery in flight and hands the
  // rest of its claimed batch back (pending, due at once) without trying them.
  int DeliverDue();

  // The worker thread's loop: deliver, then sleep until the next message is
  // due, Wake() is called, or idle_recheck passes. Returns after Stop().
  void Run();
  void Wake() { signal_.Wake(); }
  void Stop() { signal_.Stop(); }

  // When a failed attempt number `attempt` (1-based) is tried again.
  static std::chrono::seconds Backoff(const OutboxOptions& options, int attempt, std::int64_t message_id);

  // Since this worker was built, per platform it has a sender for: messages
  // delivered, and messages marked failed for good (read for /metrics).
  struct DeliveryTotals {
    std::uint64_t sent = 0;
    std::uint64_t failed = 0;
  };
  std::map<Platform, DeliveryTotals> Totals() const;

 private:
  struct Tally {
    std::atomic<std::uint64_t> sent{0};
    std::atomic<std::uint64_t> failed{0};
  };

  void Finish(const OutboundMessage& message, const DeliveryResult& result);
  // Returns claimed but unattempted messages to the queue, due now.
  void Release(const std::vector<OutboundMessage>& batch, std::size_t from);

  Store& store_;
  const Clock& clock_;
  std::map<Platform, Sender*> senders_;
  OutboxOptions options_;
  DeliveryFilter filter_;
  std::map<Platform, Tally> tallies_;  // one per sender, fixed at construction

  WakeSignal signal_;
};

}  // namespace mentorbot
