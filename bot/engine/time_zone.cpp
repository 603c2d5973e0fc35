#include "bot/engine/time_zone.h"

#include <date/tz.h>

#include <mutex>
#include <unordered_map>

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
  const date::zoned_seconds local(zone, time);
  return date::format("%Y-%m-%d %H:%M %Z", local);
}

}  // namespace mentorbot
