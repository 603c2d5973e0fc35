// ServiceThreads: all asked to stop at once, joined within the deadline, and
// a thread that will not stop is named instead of waited for.
#include "bot/app/service_threads.h"

#include <gtest/gtest.h>

#include <atomic>

#include "bot/engine/wake_signal.h"

namespace mentorbot {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

TEST(ServiceThreadsTest, StopsEveryThreadTogether) {
  WakeSignal a;
  WakeSignal b;
  std::atomic<int> finished{0};
  {
    ServiceThreads threads;
    for (WakeSignal* signal : {&a, &b}) {
      threads.Start("loop", [signal, &finished] {
        while (signal->Wait(std::chrono::seconds(60))) {
        }
        ++finished;
      }, [signal] { signal->Stop(); });
    }
    const auto started = steady_clock::now();
    EXPECT_TRUE(threads.StopAll(started + std::chrono::seconds(5)).empty());
    EXPECT_LT(steady_clock::now() - started, std::chrono::seconds(1));
    EXPECT_EQ(finished, 2);
  }
}

TEST(ServiceThreadsTest, NamesTheThreadsStillRunningAtTheDeadline) {
  std::atomic<bool> release{false};
  ServiceThreads threads;
  threads.Start("stubborn", [&release] {
    while (!release) std::this_thread::sleep_for(milliseconds(5));
  }, [] {});
  threads.Start("quick", [] {}, [] {});
  const auto started = steady_clock::now();
  const auto running = threads.StopAll(started + milliseconds(200));
  EXPECT_GE(steady_clock::now() - started, milliseconds(200));
  ASSERT_EQ(running.size(), 1u);
  EXPECT_EQ(running[0], "stubborn");
  release = true;  // the destructor joins it
}

}  // namespace
}  // namespace mentorbot
