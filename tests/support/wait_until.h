// Polling for a condition with a deadline: how tests of the real binary wait
// for what happens on other threads or processes, never with fixed sleeps.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace mentorbot {

// Checks `done` every 20 ms until it holds (true) or `timeout` passed (false).
inline bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace mentorbot
