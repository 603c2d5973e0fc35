// bot/engine/time/ — time as people write and read it: time zones, local
// formatting, ISO 8601 moments and the when-parser ("tomorrow 3pm").
// May use: only the shared files.
//
// Time zones by IANA name, from the system's tz database (through
// Howard Hinnant's date/tz, which C++20's <chrono> zones are based on; g++ 12's
// library does not ship them yet). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/core/clock.h"

namespace mentorbot {

// The canonical spelling of a known zone ("europe/berlin" -> "Europe/Berlin"),
// or nullopt when the tz database has no such zone.
std::optional<std::string> CanonicalTimeZone(std::string_view name);

// "2026-11-23 14:05 CET" — a moment as a reader in `zone` sees it.
// REQUIRES: zone is a canonical name.
std::string FormatLocal(TimePoint time, const std::string& zone);

}  // namespace mentorbot
