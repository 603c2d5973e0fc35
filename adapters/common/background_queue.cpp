#include "adapters/common/background_queue.h"

#include <spdlog/spdlog.h>

namespace mentorbot {

void BackgroundQueue::Post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (jobs_.size() >= max_queued_) {
      spdlog::warn("{}: dropped the oldest of {} waiting jobs", name_, jobs_.size());
      jobs_.pop_front();
    }
    jobs_.push_back(std::move(job));
  }
  changed_.notify_one();
}

void BackgroundQueue::Run() {
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    // A job that throws (a platform answering in an unexpected shape) is
    // logged and dropped; it must never take the thread, or the bot, down.
    try {
      job();
    } catch (const std::exception& error) {
      spdlog::error("{}: a job failed: {}", name_, error.what());
    } catch (...) {
      spdlog::error("{}: a job failed", name_);
    }
  }
}

void BackgroundQueue::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
}

}  // namespace mentorbot
