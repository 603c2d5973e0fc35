#include "adapters/google/google_event_resource.h"

#include <openssl/evp.h>

#include <chrono>

#include "adapters/common/json_fields.h"
#include "adapters/common/rfc3339.h"

namespace mentorbot {

namespace {
using nlohmann::json;
constexpr std::string_view kBase32Hex = "0123456789abcdefghijklmnopqrstuv";

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
