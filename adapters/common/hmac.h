// HMAC-SHA256 and constant-time comparison, over OpenSSL. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace mentorbot {

// Lower-case hex of HMAC-SHA256(key, data).
std::string HmacSha256Hex(std::string_view key, std::string_view data);

// Equality whose running time depends only on the lengths, never on where the
// inputs first differ (so a forger learns nothing from response times).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace mentorbot
