#include "bot/engine/time/when_parser.h"

#include <date/tz.h>

#include <charconv>
#include <optional>

#include "bot/engine/command_text.h"

namespace mentorbot {

namespace {
using date::days;
using date::local_days;
using date::local_seconds;

std::optional<int> Number(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Minutes after midnight for "15:00", "9:30", "3pm", "3:30pm", "12am".
std::optional<int> ParseTimeOfDay(std::string_view text) {
  std::string lower = ToLower(text);
  std::string_view rest = lower;
  int add_hours = 0;
  bool twelve_hour = false;
  if (rest.size() > 2 && (rest.substr(rest.size() - 2) == "am" || rest.substr(rest.size() - 2) == "pm")) {
    twelve_hour = true;
    add_hours = rest.substr(rest.size() - 2) == "pm" ? 12 : 0;
    rest.remove_suffix(2);
  }
  const auto colon = rest.find(':');
  auto hours = Number(rest.substr(0, colon));
  std::optional<int> minutes = 0;
  if (colon != std::string_view::npos) {
    if (rest.size() - colon - 1 != 2) return std::nullopt;
    minutes = Number(rest.substr(colon + 1));
  } else if (!twelve_hour) {
    return std::nullopt;  // a bare "15" is too easy to misread
  }
  if (!hours || !minutes || *minutes > 59) return std::nullopt;
  if (twelve_hour) {
    if (*hours < 1 || *hours > 12) return std::nullopt;
    *hours = *hours % 12 + add_hours;
  } else if (*hours > 23) {
    return std::nullopt;
  }
  return *hours * 60 + *minutes;
}

std::optional<local_days> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = Number(text.substr(0, 4));
  auto month = Number(text.substr(5, 2));
  auto day = Number(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  date::year_month_day ymd{date::year(*year), date::month(static_cast<unsigned>(*month)),
                           date::day(static_cast<unsigned>(*day))};
  if (!ymd.ok()) return std::nullopt;
  return local_days(ymd);
}

std::optional<unsigned> ParseWeekday(std::string_view text) {
  static constexpr std::string_view kNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  const std::string lower = ToLower(text);
  if (lower.size() < 3) return std::nullopt;
  static constexpr std::string_view kFull[] = {"sunday", "monday", "tuesday", "wednesday",
                                               "thursday", "friday", "saturday"};
  for (unsigned i = 0; i < 7; ++i) {
    if (kFull[i].rfind(lower, 0) == 0 && lower.substr(0, 3) == kNames[i]) return i;
  }
  return std::nullopt;
}

Status NotUnderstood(std::string_view text) {
  return Status::InvalidArgument("I couldn't read \"" + std::string(text) + "\" as a date and time. " +
                                 std::string(WhenExamples()));
}
}  // namespace

std::string_view WhenExamples() {
  return "Write it like 2026-12-01 15:00, tomorrow 9:30, tue 14:00, next fri 3pm (in your own time zone).";
}

StatusOr<TimePoint> ParseWhen(std::string_view text, TimePoint now, const std::string& zone_name) {
  const date::time_zone* zone = date::locate_zone(zone_name);
  const local_seconds local_now = zone->to_local(now);
  const local_days today = date::floor<days>(local_now);

  auto [first, rest] = SplitFirstWord(text);
  std::optional<local_days> day;
  const std::string word = ToLower(first);
  if (word == "today") {
    day = today;
  } else if (word == "tomorrow") {
    day = today + days(1);
  } else if (auto iso = ParseIsoDate(first)) {
    day = iso;
  } else {
    const bool next_week = word == "next";
    std::string_view weekday_text = first;
    if (word == "next" || word == "this") std::tie(weekday_text, rest) = SplitFirstWord(rest);
    auto weekday = ParseWeekday(weekday_text);
    if (!weekday) return NotUnderstood(text);
    const unsigned current = date::weekday(today).iso_encoding();  // Monday 1 … Sunday 7
    const unsigned wanted = *weekday == 0 ? 7 : *weekday;
    if (next_week) {
      day = today + days(7 - current + wanted);  // the Monday after today, then the day
    } else {
      day = today + days((wanted + 7 - current) % 7);
    }
  }
  auto [time_text, extra] = SplitFirstWord(rest);
  auto minutes = ParseTimeOfDay(time_text);
  if (!minutes || !extra.empty()) return NotUnderstood(text);

  local_seconds local = *day + std::chrono::minutes(*minutes);
  // "tue 9:30" typed on a Tuesday after 9:30 means next week's.
  if (word != "today" && word != "tomorrow" && word != "next" && !ParseIsoDate(first) && local <= local_now) {
    local += days(7);
  }

  const date::local_info info = zone->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    return Status::InvalidArgument("that time does not exist in " + zone_name +
                                   " (the clocks skip it that day); pick another.");
  }
  return date::floor<std::chrono::seconds>(zone->to_sys(local, date::choose::earliest));
}

}  // namespace mentorbot
