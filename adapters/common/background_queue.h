// BackgroundQueue: jobs run in order on the one thread that calls Run, so
// HTTP threads hand off slow platform calls (views, file downloads) and
// answer at once. Bounded: beyond max_queued the oldest job is dropped (and
// logged), since what it served has gone stale.
// Thread-safety: Post and Stop from any thread; Run on one.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>

namespace mentorbot {

class BackgroundQueue {
 public:
  BackgroundQueue(std::string name, std::size_t max_queued) : name_(std::move(name)), max_queued_(max_queued) {}
  BackgroundQueue(const BackgroundQueue&) = delete;
  BackgroundQueue& operator=(const BackgroundQueue&) = delete;

  void Post(std::function<void()> job);
  void Run();   // runs jobs until Stop
  void Stop();  // Run returns after the job in flight

 private:
  std::string name_;
  std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
};

}  // namespace mentorbot
