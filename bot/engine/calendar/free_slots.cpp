#include "bot/engine/calendar/free_slots.h"

#include <date/tz.h>

#include "bot/engine/time/time_zone.h"

#include <cstdio>
#include <set>

namespace mentorbot {

namespace {
using date::days;
using date::local_days;
using std::chrono::minutes;

constexpr minutes kStep{30};
constexpr const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Local {
  local_days day;
  int minute = 0;  // of the day
};

Local ToLocal(const date::time_zone* zone, TimePoint time) {
  const auto local = zone->to_local(time);
  const local_days day = date::floor<days>(local);
  return Local{day, static_cast<int>(date::floor<minutes>(local - day).count())};
}

// The whole session [start, end) is one working stretch of one work day in
// this person's zone.
bool Workable(const date::time_zone* zone, TimePoint start, TimePoint end, const ProgramRules& rules) {
  const Local first = ToLocal(zone, start);
  const Local last = ToLocal(zone, end - minutes(1));
  if (first.day != last.day || !rules.work_days[date::weekday(first.day).c_encoding()]) return false;
  if (first.minute < rules.work_start_minute || last.minute + 1 > rules.work_end_minute) return false;
  // No quiet stretch begins or lies inside the session (a short one could
  // sit between its first and last minute).
  const int quiet_start = rules.quiet_start_minute;
  if (rules.quiet_start_minute != rules.quiet_end_minute && quiet_start > first.minute && quiet_start <= last.minute) {
    return false;
  }
  return !InQuietHours(first.minute, rules) && !InQuietHours(last.minute, rules);
}

bool Free(const SlotPerson& person, TimePoint start, TimePoint end) {
  for (const BusyInterval& busy : person.busy) {
    if (busy.start < end && busy.end > start) return false;
  }
  return true;
}

// A local time that occurs twice (clocks fall back) would be read as its
// first occurrence by `schedule`: offer only times that read back exactly.
bool Unambiguous(const date::time_zone* zone, TimePoint start) {
  return zone->get_info(zone->to_local(start)).result == date::local_info::unique;
}

FreeSlot Describe(const date::time_zone* zone, TimePoint start) {
  const auto zoned = date::make_zoned(zone, start);
  const auto local = zoned.get_local_time();
  const local_days day = date::floor<days>(local);
  const date::year_month_day ymd(day);
  const auto time = date::hh_mm_ss<minutes>(date::floor<minutes>(local - day));
  const std::string abbreviation = zoned.get_info().abbrev;
  char label[64];
  std::snprintf(label, sizeof label, "%s %u %s %02d:%02d %s", kWeekdays[date::weekday(day).c_encoding()],
                static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1],
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()), abbreviation.c_str());
  // "2026-11-24 15:00 CET" without the zone: how `schedule` reads it back.
  return FreeSlot{start, label, FormatLocal(start, zone->name()).substr(0, 16)};
}
}  // namespace

std::vector<FreeSlot> FindFreeSlots(const std::vector<SlotPerson>& people, TimePoint from, TimePoint until, int length,
                                    const ProgramRules& rules, std::size_t count) {
  std::vector<const date::time_zone*> zones;
  for (const SlotPerson& person : people) zones.push_back(date::locate_zone(person.zone));
  const minutes duration(length);
  // The first 30-minute mark (of UTC, so of every zone with whole or half-hour offsets) at or after `from`.
  const auto step = std::chrono::duration_cast<std::chrono::seconds>(kStep).count();
  const auto from_seconds = from.time_since_epoch().count();
  TimePoint start{std::chrono::seconds((from_seconds + step - 1) / step * step)};

  std::vector<FreeSlot> slots;
  std::set<local_days> days_taken;
  for (; start < until && slots.size() < count; start += kStep) {
    const TimePoint end = start + duration;
    const local_days day = ToLocal(zones.front(), start).day;
    if (days_taken.count(day)) continue;
    bool fits = Unambiguous(zones.front(), start);
    for (std::size_t i = 0; fits && i < people.size(); ++i) {
      fits = Workable(zones[i], start, end, rules) && Free(people[i], start, end);
    }
    if (!fits) continue;
    days_taken.insert(day);
    slots.push_back(Describe(zones.front(), start));
  }
  return slots;
}

}  // namespace mentorbot
