// StatusOr<T>: a value, or the Status saying why there is none.
#pragma once

#include <optional>
#include <utility>

#include "bot/core/status.h"

namespace mentorbot {

template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}           // NOLINT: implicit on purpose
  StatusOr(Status status) : status_(std::move(status)) {}   // NOLINT; REQUIRES: !status.ok()

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace mentorbot
