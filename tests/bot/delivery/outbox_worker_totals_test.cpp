// The outbox worker's delivery totals (what /metrics reports) and its stop:
// the delivery in flight finishes, the rest of the claimed batch goes back
// to the queue at once, nothing is lost.
#include <gtest/gtest.h>

#include "bot/engine/delivery/outbox_worker.h"
#include "tests/support/engine_harness.h"
#include "tests/support/outbox_rows.h"

namespace mentorbot {
namespace {

class OutboxWorkerTotalsTest : public ::testing::Test {
 protected:
  // Answers from a script (then Delivered); can stop a worker mid-batch.
  class Sender final : public mentorbot::Sender {
   public:
    DeliveryResult Deliver(const OutboundMessage&) override {
      ++calls;
      if (stop_during_first != nullptr && calls == 1) stop_during_first->Stop();
      if (script.empty()) return DeliveryResult::Delivered();
      DeliveryResult next = script.front();
      script.erase(script.begin());
      return next;
    }
    std::vector<DeliveryResult> script;
    OutboxWorker* stop_during_first = nullptr;
    int calls = 0;
  };

  void Queue(const std::string& key) {
    ASSERT_TRUE(QueueForSlackUser(bot.store(), key, "U1", bot.clock().Now(), bot.clock().Now()));
  }
  OutboxCounts Counts() { return CountOutbox(bot.store()); }

  EngineHarness bot;
  Sender sender;
  OutboxOptions options = [] {
    OutboxOptions o;
    o.max_attempts = 2;
    return o;
  }();
};

TEST_F(OutboxWorkerTotalsTest, CountsDeliveredAndFailedForGoodPerPlatform) {
  OutboxWorker worker(bot.store(), bot.clock(), {{Platform::kSlack, &sender}}, options);
  EXPECT_EQ(worker.Totals().at(Platform::kSlack).sent, 0u);
  EXPECT_EQ(worker.Totals().count(Platform::kTeams), 0u) << "only platforms it has a sender for";
  sender.script = {DeliveryResult::Delivered(), DeliveryResult::Permanent("user_not_found"),
                   DeliveryResult::Retry("503")};
  Queue("a");
  Queue("b");
  Queue("c");
  worker.DeliverDue();
  EXPECT_EQ(worker.Totals().at(Platform::kSlack).sent, 1u);
  EXPECT_EQ(worker.Totals().at(Platform::kSlack).failed, 1u) << "a retry is not a failure yet";

  bot.clock().Advance(std::chrono::hours(2));
  sender.script = {DeliveryResult::Retry("503")};  // the second and last attempt
  worker.DeliverDue();
  EXPECT_EQ(worker.Totals().at(Platform::kSlack).failed, 2u) << "out of attempts counts as failed";
  const OutboxCounts counts = Counts();
  EXPECT_EQ(counts.delivered, 1);
  EXPECT_EQ(counts.failed, 2);
}

TEST_F(OutboxWorkerTotalsTest, StopFinishesTheDeliveryInFlightAndReturnsTheRestOfTheBatch) {
  OutboxWorker worker(bot.store(), bot.clock(), {{Platform::kSlack, &sender}}, options);
  sender.stop_during_first = &worker;
  for (const char* key : {"a", "b", "c"}) Queue(key);
  EXPECT_EQ(worker.DeliverDue(), 1);
  EXPECT_EQ(sender.calls, 1) << "nothing is tried after Stop";
  OutboxCounts counts = Counts();
  EXPECT_EQ(counts.delivered, 1);
  EXPECT_EQ(counts.pending, 2);

  // The next process takes them at once, not after the lease.
  Sender next_sender;
  OutboxWorker next(bot.store(), bot.clock(), {{Platform::kSlack, &next_sender}}, options);
  EXPECT_EQ(next.DeliverDue(), 2);
  EXPECT_EQ(Counts().delivered, 3);
}

}  // namespace
}  // namespace mentorbot
