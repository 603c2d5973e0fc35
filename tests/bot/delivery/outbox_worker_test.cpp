// The outbox worker with a scripted Sender and a FakeClock: delivered once,
// retried on time, permanent failures never retried, two workers never
// deliver one message twice.
#include "bot/engine/delivery/outbox_worker.h"

#include <gtest/gtest.h>

#include <deque>
#include <mutex>

#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using std::chrono::seconds;

class ScriptedSender : public Sender {
 public:
  DeliveryResult Deliver(const OutboundMessage& message) override {
    std::lock_guard lock(mutex_);
    delivered_keys.push_back(message.key);
    if (script.empty()) return DeliveryResult::Delivered();
    DeliveryResult next = script.front();
    script.pop_front();
    return next;
  }
  std::deque<DeliveryResult> script;
  std::vector<std::string> delivered_keys;  // every attempt, in order

 private:
  std::mutex mutex_;
};

class OutboxWorkerTest : public ::testing::Test {
 protected:
  void Queue(const std::string& key, Platform platform = Platform::kSlack) {
    Message message;
    message.summary = key;
    ASSERT_TRUE(bot.store().Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
      tx.outbox().Enqueue(key, Address{UserRef{platform, "T1", "U1"}, "", "", ""}, message, bot.clock().Now(),
                          bot.clock().Now());
    }).ok());
  }
  OutboxCounts Counts() {
    OutboxCounts counts;
    bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { counts = tx.outbox().Counts(); });
    return counts;
  }

  EngineHarness bot;
  ScriptedSender sender;
  OutboxOptions options = [] {
    OutboxOptions o;
    o.first_backoff = seconds(10);
    o.max_backoff = seconds(100);
    o.max_attempts = 4;
    return o;
  }();
  OutboxWorker worker{bot.store(), bot.clock(), {{Platform::kSlack, &sender}}, options};
};

TEST_F(OutboxWorkerTest, DeliversOnceAndNeverAgain) {
  Queue("a");
  Queue("b");
  EXPECT_EQ(worker.DeliverDue(), 2);
  EXPECT_EQ(worker.DeliverDue(), 0);
  bot.clock().Advance(seconds(3600));
  EXPECT_EQ(worker.DeliverDue(), 0);
  EXPECT_EQ(sender.delivered_keys, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Counts().delivered, 2);
}

TEST_F(OutboxWorkerTest, RetryAfterIsRespected) {
  sender.script.push_back(DeliveryResult::Retry("429", seconds(30)));
  Queue("a");
  EXPECT_EQ(worker.DeliverDue(), 1);
  bot.clock().Advance(seconds(29));
  EXPECT_EQ(worker.DeliverDue(), 0);
  bot.clock().Advance(seconds(1));
  EXPECT_EQ(worker.DeliverDue(), 1);
  EXPECT_EQ(Counts().delivered, 1);
}

TEST_F(OutboxWorkerTest, TransientFailuresBackOffExponentiallyThenGiveUp) {
  for (int i = 0; i < 4; ++i) sender.script.push_back(DeliveryResult::Retry("http 500"));
  Queue("a");
  EXPECT_EQ(worker.DeliverDue(), 1);
  for (int attempt = 1; attempt < 4; ++attempt) {
    const auto wait = OutboxWorker::Backoff(options, attempt, 1);
    EXPECT_GE(wait, std::min(seconds(100), seconds(10) * (1 << (attempt - 1))));
    bot.clock().Advance(wait - seconds(1));
    EXPECT_EQ(worker.DeliverDue(), 0) << "not before the backoff";
    bot.clock().Advance(seconds(1));
    EXPECT_EQ(worker.DeliverDue(), 1);
  }
  EXPECT_EQ(Counts().failed, 1) << "gave up after max_attempts";
  bot.clock().Advance(seconds(100000));
  EXPECT_EQ(worker.DeliverDue(), 0);
}

TEST_F(OutboxWorkerTest, BackoffGrowsIsCappedAndJittered) {
  EXPECT_GE(OutboxWorker::Backoff(options, 1, 1), seconds(10));
  EXPECT_LE(OutboxWorker::Backoff(options, 1, 1), seconds(15));
  EXPECT_GE(OutboxWorker::Backoff(options, 3, 1), seconds(40));
  EXPECT_EQ(OutboxWorker::Backoff(options, 30, 1), seconds(100));
  EXPECT_EQ(OutboxWorker::Backoff(options, 2, 7), OutboxWorker::Backoff(options, 2, 7)) << "reproducible";
}

TEST_F(OutboxWorkerTest, PermanentFailuresAreNeverRetried) {
  sender.script.push_back(DeliveryResult::Permanent("user_not_found"));
  Queue("a");
  EXPECT_EQ(worker.DeliverDue(), 1);
  bot.clock().Advance(seconds(100000));
  EXPECT_EQ(worker.DeliverDue(), 0);
  EXPECT_EQ(Counts().failed, 1);
  EXPECT_EQ(sender.delivered_keys.size(), 1u);
}

TEST_F(OutboxWorkerTest, APlatformWithoutASenderIsLeftForAnotherProcess) {
  Queue("teams-message", Platform::kTeams);
  EXPECT_EQ(worker.DeliverDue(), 0);
  EXPECT_EQ(Counts().pending, 1);
}

TEST_F(OutboxWorkerTest, TwoWorkersOnOneStoreNeverDeliverAMessageTwice) {
  ScriptedSender other_sender;
  OutboxWorker other{bot.store(), bot.clock(), {{Platform::kSlack, &other_sender}}, options};
  for (int i = 0; i < 60; ++i) Queue("m" + std::to_string(i));
  std::thread a([&] { worker.DeliverDue(); });
  std::thread b([&] { other.DeliverDue(); });
  a.join();
  b.join();
  std::vector<std::string> all = sender.delivered_keys;
  all.insert(all.end(), other_sender.delivered_keys.begin(), other_sender.delivered_keys.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all.size(), 60u);
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end()) << "no key delivered twice";
  EXPECT_EQ(Counts().delivered, 60);
}

TEST_F(OutboxWorkerTest, RunStopsPromptlyAndDeliversWhenWoken) {
  std::thread thread([&] { worker.Run(); });
  Queue("woken");
  worker.Wake();
  for (int i = 0; i < 200 && Counts().delivered == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  worker.Stop();
  thread.join();
  EXPECT_EQ(Counts().delivered, 1);
}

}  // namespace
}  // namespace mentorbot
