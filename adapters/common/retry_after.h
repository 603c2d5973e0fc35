// Reading an HTTP Retry-After header (delta-seconds) for the senders.
#pragma once

#include <chrono>
#include <string>

namespace mentorbot {

// The header's seconds, or `fallback` when it is missing or not a number.
std::chrono::seconds ParseRetryAfter(const std::string& header,
                                     std::chrono::seconds fallback = std::chrono::seconds(30));

}  // namespace mentorbot
