#include "bot/engine/scheduling/delivery_window.h"

#include <date/tz.h>

namespace mentorbot {

namespace {
using date::days;
using date::local_days;
using date::local_seconds;
using std::chrono::minutes;

bool IsWorkDay(local_days day, const ProgramRules& rules) {
  return rules.work_days[date::weekday(day).c_encoding()];
}

// A local time as a UTC moment; a local time skipped by DST moves to the
// moment the clocks jump to.
TimePoint ToUtc(const date::time_zone* zone, local_seconds local) {
  const date::local_info info = zone->get_info(local);
  if (info.result == date::local_info::nonexistent) return date::floor<std::chrono::seconds>(info.second.begin);
  return date::floor<std::chrono::seconds>(zone->to_sys(local, date::choose::earliest));
}
}  // namespace

TimePoint NextAllowedMoment(TimePoint due, const std::string& zone_name, const ProgramRules& rules) {
  const date::time_zone* zone = date::locate_zone(zone_name);
  local_seconds local = zone->to_local(due);
  // At most one quiet stretch and a week of days off can lie ahead.
  for (int step = 0; step < 16; ++step) {
    const local_days day = date::floor<days>(local);
    const int minute = static_cast<int>(date::floor<minutes>(local - day).count());
    if (!IsWorkDay(day, rules)) {
      local = local_seconds(day + days(1));  // midnight next day, then check quiet hours again
      continue;
    }
    if (!InQuietHours(minute, rules)) {
      return std::max(due, ToUtc(zone, local));
    }
    // Move to the end of the quiet stretch: today's end if it wraps past
    // midnight and we are in the morning part, else tomorrow's.
    const bool morning = rules.quiet_start_minute > rules.quiet_end_minute && minute < rules.quiet_end_minute;
    const local_days end_day = (morning || rules.quiet_start_minute < rules.quiet_end_minute) ? day : day + days(1);
    local = local_seconds(end_day) + minutes(rules.quiet_end_minute);
  }
  return due;  // unreachable with at least one work day
}

}  // namespace mentorbot
