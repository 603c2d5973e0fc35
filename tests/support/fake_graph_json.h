// What the fake Microsoft Graph's parts share: Graph's error answer and its
// dateTimeTimeZone values (UTC only: the fake has no Windows zones).
#pragma once

#include <date/date.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

#include "tests/support/fake_graph_mailboxes.h"

namespace mentorbot {

// {"error": {"code", "message"}} with `status`.
inline FakeGraphAnswer GraphErrorAnswer(int status, const std::string& code, const std::string& message) {
  return {status, {{"error", {{"code", code}, {"message", message}}}}};
}

// A dateTimeTimeZone in UTC; nullopt for another zone or a malformed value.
inline std::optional<TimePoint> ReadUtcTime(const nlohmann::json& value) {
  if (!value.is_object() || !value.contains("dateTime") || !value["dateTime"].is_string() ||
      value.value("timeZone", nlohmann::json()) != "UTC") {
    return std::nullopt;
  }
  std::istringstream in(value["dateTime"].get<std::string>());
  TimePoint time;
  in >> date::parse("%FT%T", time);
  if (in.fail()) return std::nullopt;
  return time;
}

// As Graph writes it: seven fractional digits.
inline nlohmann::json WriteUtcTime(TimePoint time) {
  return {{"dateTime", date::format("%FT%T", time) + ".0000000"}, {"timeZone", "UTC"}};
}

}  // namespace mentorbot
