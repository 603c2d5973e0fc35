// Reading and writing ISO 8601 moments (command line, exports).
#pragma once

#include <optional>
#include <string>

#include "bot/core/clock.h"

namespace mentorbot {

// "2026-11-24T09:00:00Z", "2026-11-24T10:00:00+01:00", "2026-11-24T09:00Z".
std::optional<TimePoint> ParseIsoTime(const std::string& text);
// "2026-11-24T09:00:00Z".
std::string FormatIsoTime(TimePoint time);

}  // namespace mentorbot
