// What every fuzzer in fuzz/ shares: the input as text, a fixed "now", and
// property checks that crash (so libFuzzer keeps the input) instead of
// returning quietly. See scripts/fuzz.sh and README.md ("Fuzzing").
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "bot/core/address.h"
#include "bot/core/clock.h"

namespace mentorbot::fuzz {

// The fuzzer's bytes, unchanged, as the string a request body or a file would be.
inline std::string_view Text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// 2026-11-23 09:00:00 UTC, a Monday: the tests' TestEpoch(), so seeds from the
// unit tests mean the same here.
inline constexpr TimePoint kNow{std::chrono::seconds(1795424400)};

// A property every input must keep. Aborting makes libFuzzer save the input.
inline void Require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "fuzz property violated: %s\n", property);
  std::abort();
}

// Whoever a parser says acted must survive being stored as a key and read back.
inline void RequireStorableUser(const UserRef& user) {
  Require(UserRef::Parse(user.Key()) == user, "UserRef::Parse(user.Key()) == user");
}

class FixedClock : public Clock {
 public:
  TimePoint Now() const override { return kNow; }
};

}  // namespace mentorbot::fuzz
