#include "adapters/graph/graph_date_time.h"

#include <cstdio>

#include "adapters/common/json_fields.h"
#include "bot/core/civil_time.h"

namespace mentorbot {

namespace {

// Reads `count` digits at `at`; -1 when they are not all digits.
int Digits(const std::string& text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

nlohmann::json GraphUtcDateTime(TimePoint time) {
  const CivilTime civil = ToCivilTime(time);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d", civil.year, civil.month, civil.day, civil.hour,
                civil.minute, civil.second);
  return {{"dateTime", text}, {"timeZone", "UTC"}};
}

std::optional<TimePoint> ReadGraphUtcDateTime(const nlohmann::json& value) {
  if (StringField(value, "timeZone") != "UTC") return std::nullopt;
  const std::string text = StringField(value, "dateTime");
  // "YYYY-MM-DDTHH:MM:SS", then optionally ".fffffff".
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  if (text.size() > 19) {
    if (text[19] != '.' || text.size() == 20) return std::nullopt;
    for (std::size_t i = 20; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
  }
  const int year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
  const int hour = Digits(text, 11, 2), minute = Digits(text, 14, 2), second = Digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
      second > 59) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return TimePoint(std::chrono::sys_days(date)) + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second);
}

}  // namespace mentorbot
