#include "bot/engine/time/time_zone.h"

#include <date/tz.h>

#include <cstdio>
#include <mutex>
#include <unordered_map>

#include "bot/core/civil_time.h"
#include "bot/engine/command_text.h"

namespace mentorbot {

namespace {
// Case-insensitive index of the database's zone and link names, built once.
const std::unordered_map<std::string, std::string>& ZoneIndex() {
  static const auto* index = [] {
    auto* map = new std::unordered_map<std::string, std::string>();
    const date::tzdb& db = date::get_tzdb();
    for (const auto& zone : db.zones) map->emplace(ToLower(zone.name()), std::string(zone.name()));
    return map;
  }();
  return *index;
}
}  // namespace

std::optional<std::string> CanonicalTimeZone(std::string_view name) {
  name = Trim(name);
  if (name.empty() || name.size() > 64) return std::nullopt;
  const auto& index = ZoneIndex();
  auto it = index.find(ToLower(name));
  if (it == index.end()) return std::nullopt;
  return it->second;
}

std::string FormatLocal(TimePoint time, const std::string& zone) {
  // By hand rather than date::format, whose stream and locale cost was a
  // twentieth of a /mentor status request (two or three times appear in one).
  const date::sys_info info = date::locate_zone(zone)->get_info(time);
  const CivilTime local = ToCivilTime(time + info.offset);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d ", local.year, local.month, local.day, local.hour,
                local.minute);
  return text + info.abbrev;
}

}  // namespace mentorbot
