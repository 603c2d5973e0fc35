// SchedulerLoop::lag: zero until there is a plan to be late against, then how
// late the tick started versus the end of the loop's planned sleep — here
// made late by a tick slowed down by its store.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "bot/engine/scheduling/scheduler_loop.h"
#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using std::chrono::milliseconds;

// Every transaction takes at least `delay` (a slow disk, a busy database).
class SlowStore final : public Store {
 public:
  SlowStore(Store& inner, milliseconds delay) : inner_(inner), delay_(delay) {}
  Status Run(Access access, const Work& work) override {
    std::this_thread::sleep_for(delay_);
    return inner_.Run(access, work);
  }
  Status CheckHealth() override { return inner_.CheckHealth(); }

 private:
  Store& inner_;
  milliseconds delay_;
};

TEST(SchedulerLagTest, ZeroBeforeAPlanAndTheLatenessOfASlowTickAfter) {
  EngineHarness bot;
  SlowStore slow(bot.store(), milliseconds(300));
  Scheduler scheduler(slow, EngineHarness::DefaultSettings());
  SchedulerLoop loop(scheduler, bot.clock(), std::chrono::steady_clock::now, std::chrono::seconds(1), nullptr);
  EXPECT_EQ(loop.lag().count(), 0);

  std::thread thread([&] { loop.Run(); });
  // The first tick starts at once and lasts >= 300 ms; the loop then sleeps
  // 1 s planned from the tick's start, so the second tick is >= 300 ms late.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (loop.lag() == std::chrono::microseconds(0) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  loop.Stop();
  thread.join();
  EXPECT_GE(loop.lag(), milliseconds(300));
  EXPECT_LT(loop.lag(), std::chrono::seconds(5));
}

TEST(SchedulerLagTest, ATickWokenEarlyIsNotLate) {
  EngineHarness bot;
  Scheduler scheduler(bot.store(), EngineHarness::DefaultSettings());
  SchedulerLoop loop(scheduler, bot.clock(), std::chrono::steady_clock::now, std::chrono::seconds(60), nullptr);
  std::thread thread([&] { loop.Run(); });
  for (int i = 0; i < 5; ++i) {
    std::this_thread::sleep_for(milliseconds(50));
    loop.Wake();
  }
  loop.Stop();
  thread.join();
  EXPECT_EQ(loop.lag().count(), 0);
}

}  // namespace
}  // namespace mentorbot
