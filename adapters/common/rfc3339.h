// RFC 3339 date-times as the platforms' JSON carries them (Google Calendar,
// Adaptive Cards' {{DATE()}}/{{TIME()}} functions). Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/core/clock.h"

namespace mentorbot {

// "2026-11-23T09:00:00Z".
std::string FormatRfc3339(TimePoint time);
// "2026-11-23T09:00:00Z", "…T09:00:00.123Z", "…T10:00:00+01:00" (fractions
// dropped); nullopt when the text is not such a time.
std::optional<TimePoint> ParseRfc3339(std::string_view text);

}  // namespace mentorbot
