// Microsoft Graph's dateTimeTimeZone values, always in UTC here: the bot
// sends {"dateTime": "2026-11-23T09:00:00", "timeZone": "UTC"} and asks for
// UTC answers (Graph's default, and the Prefer: outlook.timezone header),
// which come back with seven fractional digits ("…T09:00:00.0000000").
// Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "bot/core/clock.h"

namespace mentorbot {

// The Prefer header value that makes Graph answer every time in UTC.
inline constexpr const char* kGraphPreferUtc = "outlook.timezone=\"UTC\"";

// {"dateTime": "YYYY-MM-DDTHH:MM:SS", "timeZone": "UTC"}.
nlohmann::json GraphUtcDateTime(TimePoint time);

// The instant of a dateTimeTimeZone whose timeZone is "UTC" (fractional
// seconds dropped); nullopt for any other zone or a malformed value, since
// a Windows zone name cannot be converted here.
std::optional<TimePoint> ReadGraphUtcDateTime(const nlohmann::json& value);

}  // namespace mentorbot
