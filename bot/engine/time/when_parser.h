// Reading when a session should be, as people type it, in their own time
// zone: "2026-12-01 15:00", "today 16:30", "tomorrow 9:00", "tue 9:30",
// "next tue 9:30", with 24-hour times or "3pm" / "3:30pm". Pure functions.
#pragma once

#include <string>
#include <string_view>

#include "bot/core/clock.h"
#include "bot/core/status_or.h"

namespace mentorbot {

// The UTC moment meant by `text` read in `zone` at `now`. A weekday means its
// coming occurrence (today if the time is still ahead); "next <day>" means
// that day in next week (weeks start on Monday). A local time that does not exist (clocks spring forward) is an
// error; one that occurs twice (clocks fall back) means the first.
// InvalidArgument explains what was not understood.
// REQUIRES: zone is a canonical IANA name.
StatusOr<TimePoint> ParseWhen(std::string_view text, TimePoint now, const std::string& zone);

// The forms ParseWhen understands, for help texts.
std::string_view WhenExamples();

}  // namespace mentorbot
