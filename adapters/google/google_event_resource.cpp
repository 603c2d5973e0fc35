#include "adapters/google/google_event_resource.h"

#include <openssl/evp.h>

#include <chrono>
#include <cstdio>

#include "adapters/common/json_fields.h"
#include "bot/core/civil_time.h"

namespace mentorbot {

namespace {
using nlohmann::json;
constexpr std::string_view kBase32Hex = "0123456789abcdefghijklmnopqrstuv";

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

json Time(TimePoint time) { return {{"dateTime", FormatRfc3339(time)}}; }
}  // namespace

std::string GoogleEventId(std::string_view uid) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(uid.data(), uid.size(), digest, &length, EVP_sha256(), nullptr);
  std::string id;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned i = 0; i < length; ++i) {
    buffer = (buffer << 8) | digest[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      id += kBase32Hex[(buffer >> bits) & 0x1F];
    }
  }
  if (bits > 0) id += kBase32Hex[(buffer << (5 - bits)) & 0x1F];
  return id;
}

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

json EventFields(const CalendarEvent& event) {
  json attendees = json::array();
  for (const auto& person : event.attendees) {
    if (person.email.empty()) continue;
    json attendee = {{"email", person.email}};
    if (!person.name.empty()) attendee["displayName"] = person.name;
    attendees.push_back(std::move(attendee));
  }
  return {{"summary", event.summary},
          {"description", event.description},
          {"start", Time(event.starts_at)},
          {"end", Time(event.starts_at + std::chrono::minutes(event.minutes))},
          {"attendees", std::move(attendees)}};
}

json MeetCreateRequest(const std::string& request_id) {
  return {{"createRequest", {{"requestId", request_id}, {"conferenceSolutionKey", {{"type", "hangoutsMeet"}}}}}};
}

std::string JoinUrl(const json& event) {
  std::string link = StringField(event, "hangoutLink");
  if (!link.empty()) return link;
  const auto conference = event.is_object() ? event.value("conferenceData", json()) : json();
  const auto entry_points = conference.is_object() ? conference.value("entryPoints", json()) : json();
  if (!entry_points.is_array()) return {};
  for (const auto& entry : entry_points) {
    if (StringField(entry, "entryPointType") == "video" && !StringField(entry, "uri").empty()) {
      return StringField(entry, "uri");
    }
  }
  return {};
}

}  // namespace mentorbot
