#include "adapters/common/retry_after.h"

#include <charconv>

namespace mentorbot {

std::chrono::seconds ParseRetryAfter(const std::string& header, std::chrono::seconds fallback) {
  long long seconds = 0;
  auto [end, error] = std::from_chars(header.data(), header.data() + header.size(), seconds);
  if (header.empty() || error != std::errc() || end != header.data() + header.size() || seconds < 0) return fallback;
  return std::chrono::seconds(seconds);
}

}  // namespace mentorbot
