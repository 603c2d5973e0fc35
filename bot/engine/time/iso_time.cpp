#include "bot/engine/time/iso_time.h"

#include <date/date.h>

#include <sstream>

namespace mentorbot {

std::optional<TimePoint> ParseIsoTime(const std::string& text) {
  for (const char* format : {"%FT%TZ", "%FT%T%Ez", "%FT%RZ", "%FT%R%Ez"}) {
    std::istringstream in(text);
    date::sys_seconds time;
    in >> date::parse(format, time);
    if (!in.fail() && in.peek() == std::char_traits<char>::eof()) return time;
  }
  return std::nullopt;
}

std::string FormatIsoTime(TimePoint time) { return date::format("%FT%TZ", time); }

}  // namespace mentorbot
