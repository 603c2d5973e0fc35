#include "adapters/common/rfc3339.h"

#include <chrono>
#include <cstdio>

#include "bot/core/civil_time.h"

namespace mentorbot {

namespace {
// Reads exactly `digits` decimal digits at `at`, moving past them.
std::optional<int> Digits(std::string_view text, std::size_t& at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  at += digits;
  return value;
}

bool Expect(std::string_view text, std::size_t& at, std::string_view one_of) {
  if (at >= text.size() || one_of.find(text[at]) == std::string_view::npos) return false;
  ++at;
  return true;
}

}  // namespace

std::string FormatRfc3339(TimePoint time) {
  const CivilTime at = ToCivilTime(time);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", at.year, at.month, at.day, at.hour, at.minute,
                at.second);
  return out;
}

std::optional<TimePoint> ParseRfc3339(std::string_view text) {
  std::size_t at = 0;
  const auto year = Digits(text, at, 4);
  const bool date_dashes = Expect(text, at, "-");
  const auto month = Digits(text, at, 2);
  const bool second_dash = Expect(text, at, "-");
  const auto day = Digits(text, at, 2);
  const bool separator = Expect(text, at, "Tt ");
  const auto hour = Digits(text, at, 2);
  const bool colon = Expect(text, at, ":");
  const auto minute = Digits(text, at, 2);
  const bool second_colon = Expect(text, at, ":");
  const auto second = Digits(text, at, 2);
  if (!year || !month || !day || !hour || !minute || !second || !date_dashes || !second_dash || !separator || !colon ||
      !second_colon || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  if (Expect(text, at, ".")) {
    const std::size_t fraction = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == fraction) return std::nullopt;
  }
  std::chrono::seconds offset{0};
  if (!Expect(text, at, "Zz")) {
    if (at >= text.size() || (text[at] != '+' && text[at] != '-')) return std::nullopt;
    const int sign = text[at++] == '-' ? -1 : 1;
    const auto offset_hours = Digits(text, at, 2);
    const bool offset_colon = Expect(text, at, ":");
    const auto offset_minutes = Digits(text, at, 2);
    if (!offset_hours || !offset_colon || !offset_minutes || *offset_hours > 23 || *offset_minutes > 59) {
      return std::nullopt;
    }
    offset = std::chrono::seconds(sign * (*offset_hours * 3600 + *offset_minutes * 60));
  }
  if (at != text.size()) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  // A leap second (":60") reads as the next second's start.
  const TimePoint local = std::chrono::sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
                          std::chrono::seconds(*second);
  return local - offset;
}

}  // namespace mentorbot
