#include "bot/app/fifo_gate.h"

namespace mentorbot {

FifoGate::FifoGate(int slots) : free_slots_(slots) {}

void FifoGate::Enter() {
  std::unique_lock lock(mutex_);
  if (free_slots_ > 0 && waiters_.empty()) {
    --free_slots_;
    return;
  }
  Waiter self;
  waiters_.push_back(&self);
  self.admitted_cv.wait(lock, [&self] { return self.admitted; });
}

void FifoGate::Leave() {
  std::lock_guard lock(mutex_);
  if (waiters_.empty()) {
    ++free_slots_;
    return;
  }
  // The slot passes to the oldest waiter without ever being free, so a
  // newcomer cannot take it first.
  Waiter* next = waiters_.front();
  waiters_.pop_front();
  next->admitted = true;
  next->admitted_cv.notify_one();
}

int FifoGate::waiting() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(waiters_.size());
}

}  // namespace mentorbot
