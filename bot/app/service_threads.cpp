#include "bot/app/service_threads.h"

#include <algorithm>

namespace mentorbot {

ServiceThreads::~ServiceThreads() {
  for (Entry& entry : entries_) {
    if (entry.thread.joinable()) entry.thread.join();
  }
}

void ServiceThreads::Start(std::string name, std::function<void()> run, std::function<void()> stop) {
  Entry& entry = entries_.emplace_back();
  entry.name = std::move(name);
  entry.stop = std::move(stop);
  entry.thread = std::thread([this, &entry, run = std::move(run)] {
    run();
    {
      std::lock_guard lock(mutex_);
      entry.done = true;
    }
    finished_.notify_all();
  });
}

std::vector<std::string> ServiceThreads::StopAll(std::chrono::steady_clock::time_point deadline) {
  for (Entry& entry : entries_) entry.stop();
  std::vector<Entry*> finished;
  std::vector<std::string> running;
  {
    std::unique_lock lock(mutex_);
    finished_.wait_until(lock, deadline, [&] {
      return std::all_of(entries_.begin(), entries_.end(), [](const Entry& entry) { return entry.done; });
    });
    for (Entry& entry : entries_) {
      if (entry.done) {
        finished.push_back(&entry);
      } else {
        running.push_back(entry.name);
      }
    }
  }
  for (Entry* entry : finished) {
    if (entry->thread.joinable()) entry->thread.join();
  }
  return running;
}

}  // namespace mentorbot
