// ServiceThreads: the long-running threads of `mentorbot serve` (HTTP server,
// outbox worker, scheduler, background queues), each started with the
// function that asks it to stop. StopAll asks them all at once and waits
// until a deadline, so one slow thread neither delays the others' stop nor
// makes shutdown unbounded.
// Thread-safety: Start and StopAll are called by the owning thread; the
// stop functions must be callable from it while the threads run.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mentorbot {

class ServiceThreads {
 public:
  ServiceThreads() = default;
  // Joins whatever still runs (blocking). Call StopAll first.
  ~ServiceThreads();
  ServiceThreads(const ServiceThreads&) = delete;
  ServiceThreads& operator=(const ServiceThreads&) = delete;

  void Start(std::string name, std::function<void()> run, std::function<void()> stop);

  // Calls every stop function, then waits until every thread's run function
  // returned or `deadline` passed, and joins the finished ones. Returns the
  // names of the threads still running (empty: all stopped).
  std::vector<std::string> StopAll(std::chrono::steady_clock::time_point deadline);

 private:
  struct Entry {
    std::string name;
    std::function<void()> stop;
    std::thread thread;
    bool done = false;  // guarded by mutex_
  };

  std::mutex mutex_;
  std::condition_variable finished_;
  std::list<Entry> entries_;  // a list: each thread keeps a pointer to its entry
};

}  // namespace mentorbot
