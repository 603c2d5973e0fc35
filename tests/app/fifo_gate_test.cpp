// FifoGate: never more callers inside than slots, and waiters let in in the
// order they arrived, with no newcomer overtaking them.
#include "bot/app/fifo_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace mentorbot {
namespace {

// Waits (up to 10 s) until `gate` has `count` callers waiting.
void AwaitWaiting(const FifoGate& gate, int count) {
  for (int i = 0; i < 10000 && gate.waiting() != count; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(gate.waiting(), count);
}

TEST(FifoGateTest, AdmitsUpToItsSlotsAtOnce) {
  FifoGate gate(2);
  gate.Enter();
  gate.Enter();
  std::atomic<bool> third_in{false};
  std::thread third([&] {
    gate.Enter();
    third_in = true;
    gate.Leave();
  });
  AwaitWaiting(gate, 1);
  EXPECT_FALSE(third_in);
  gate.Leave();
  third.join();
  EXPECT_TRUE(third_in);
  gate.Leave();
  EXPECT_EQ(gate.waiting(), 0);
}

TEST(FifoGateTest, LetsWaitersInInTheOrderTheyCame) {
  FifoGate gate(1);
  gate.Enter();
  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::thread> waiters;
  for (int i = 0; i < 6; ++i) {
    waiters.emplace_back([&, i] {
      FifoGate::Pass pass(gate);
      std::lock_guard lock(order_mutex);
      order.push_back(i);
    });
    AwaitWaiting(gate, i + 1);  // arrived in this order
  }
  gate.Leave();
  for (auto& waiter : waiters) waiter.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST(FifoGateTest, AFreedSlotGoesToTheWaiterNotToANewcomer) {
  FifoGate gate(1);
  gate.Enter();
  std::atomic<bool> waiter_in{false};
  std::atomic<bool> release_waiter{false};
  std::thread waiter([&] {
    FifoGate::Pass pass(gate);
    waiter_in = true;
    while (!release_waiter) std::this_thread::yield();
  });
  AwaitWaiting(gate, 1);
  gate.Leave();  // handed to the waiter, never free in between
  std::atomic<bool> newcomer_in{false};
  std::thread newcomer([&] {
    FifoGate::Pass pass(gate);
    newcomer_in = true;
  });
  AwaitWaiting(gate, 1);  // the newcomer waits: the slot is the waiter's
  for (int i = 0; i < 10000 && !waiter_in; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_TRUE(waiter_in);
  EXPECT_FALSE(newcomer_in);
  release_waiter = true;
  waiter.join();
  newcomer.join();
  EXPECT_TRUE(newcomer_in);
}

}  // namespace
}  // namespace mentorbot
