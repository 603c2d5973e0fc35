#include "tests/support/fake_google_events.h"

#include <cstdio>
#include <ctime>
#include <optional>

namespace mentorbot {

namespace {
using nlohmann::json;

// Seconds since the epoch of an EventDateTime {"dateTime": RFC 3339, "timeZone"?}.
// Google needs an offset in dateTime unless timeZone names the zone (read as UTC here).
std::optional<long long> EpochOf(const json& when) {
  if (!when.is_object() || !when.contains("dateTime") || !when["dateTime"].is_string()) return std::nullopt;
  const std::string text = when["dateTime"].get<std::string>();
  std::tm fields{};
  int used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &fields.tm_year, &fields.tm_mon, &fields.tm_mday,
                  &fields.tm_hour, &fields.tm_min, &fields.tm_sec, &used) != 6) {
    return std::nullopt;
  }
  fields.tm_year -= 1900;
  fields.tm_mon -= 1;
  std::size_t at = static_cast<std::size_t>(used);
  if (at < text.size() && text[at] == '.') {
    while (++at < text.size() && text[at] >= '0' && text[at] <= '9') {
    }
  }
  long long offset = 0;
  const std::string zone = text.substr(at);
  int hours = 0;
  int minutes = 0;
  if (zone == "Z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') &&
             std::sscanf(zone.c_str() + 1, "%2d:%2d", &hours, &minutes) == 2) {
    offset = (zone[0] == '-' ? -1 : 1) * (hours * 3600LL + minutes * 60LL);
  } else if (!zone.empty() || !when.contains("timeZone")) {
    return std::nullopt;
  }
  return static_cast<long long>(timegm(&fields)) - offset;
}

std::optional<FakeGoogleEvents::Answer> CheckTimes(const json& event) {
  const auto start = EpochOf(event.value("start", json()));
  const auto end = EpochOf(event.value("end", json()));
  if (!start) return FakeGoogleEvents::Answer{400, GoogleErrorBody(400, "required", "Missing start time.")};
  if (!end) return FakeGoogleEvents::Answer{400, GoogleErrorBody(400, "required", "Missing end time.")};
  if (*end <= *start) {
    return FakeGoogleEvents::Answer{400, GoogleErrorBody(400, "timeRangeEmpty", "The specified time range is empty.")};
  }
  return std::nullopt;
}

std::string MeetCode(int n) {  // "aaa-aaaa-aab": Meet's xxx-yyyy-zzz shape
  std::string letters(10, 'a');
  for (int i = 9; i >= 0 && n > 0; --i, n /= 26) letters[static_cast<std::size_t>(i)] = static_cast<char>('a' + n % 26);
  return letters.substr(0, 3) + "-" + letters.substr(3, 4) + "-" + letters.substr(7);
}

FakeGoogleEvents::Answer NotFound() { return {404, GoogleErrorBody(404, "notFound", "Not Found")}; }
}  // namespace

json GoogleErrorBody(int code, const std::string& reason, const std::string& message) {
  return {{"error",
           {{"errors", {{{"domain", "global"}, {"reason", reason}, {"message", message}}}},
            {"code", code},
            {"message", message}}}};
}

bool IsGoogleEventId(const std::string& id) {
  if (id.size() < 5 || id.size() > 1024) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'v'))) return false;
  }
  return true;
}

FakeGoogleEvents::Answer FakeGoogleEvents::ApplyConference(json& event, const json& requested) {
  const json create = requested.is_object() ? requested.value("createRequest", json()) : json();
  if (!create.is_object()) return {};  // copying existing conference data is not played
  const json existing = event.value("conferenceData", json());
  const std::string request_id = create.value("requestId", std::string());
  if (request_id.empty()) return {400, GoogleErrorBody(400, "invalid", "Invalid conference create request.")};
  if (existing.is_object() && existing.value("createRequest", json()).value("requestId", std::string()) == request_id) {
    return {};  // the same request again: ignored
  }
  if (create.value("conferenceSolutionKey", json()).value("type", std::string()) != "hangoutsMeet") {
    return {400, GoogleErrorBody(400, "invalid", "Invalid conference type value.")};
  }
  const std::string code = MeetCode(++conferences_made_);
  const std::string uri = "https://meet.google.com/" + code;
  json stored_request = create;
  stored_request["status"] = {{"statusCode", "success"}};
  event["conferenceData"] = {
      {"createRequest", stored_request},
      {"entryPoints", {{{"entryPointType", "video"}, {"uri", uri}, {"label", "meet.google.com/" + code}}}},
      {"conferenceSolution", {{"key", {{"type", "hangoutsMeet"}}}, {"name", "Google Meet"}}},
      {"conferenceId", code}};
  event["hangoutLink"] = uri;
  return {};
}

FakeGoogleEvents::Answer FakeGoogleEvents::Insert(const std::string& mailbox, json resource, bool conference_data) {
  if (!resource.is_object()) return {400, GoogleErrorBody(400, "parseError", "Parse Error")};
  auto& calendar = calendars_[mailbox];
  std::string id = resource.value("id", std::string());
  if (resource.contains("id") && !IsGoogleEventId(id)) {
    return {400, GoogleErrorBody(400, "invalid", "Invalid resource id value.")};
  }
  if (id.empty()) id = "generated" + std::to_string(++generated_ids_) + "0000";
  if (calendar.count(id) != 0) return {409, GoogleErrorBody(409, "duplicate", "The requested identifier already exists.")};
  if (auto invalid = CheckTimes(resource)) return *invalid;
  const json requested = resource.value("conferenceData", json());
  resource.erase("conferenceData");
  json event = resource;
  event.update({{"kind", "calendar#event"},
                {"id", id},
                {"status", "confirmed"},
                {"iCalUID", id + "@google.com"},
                {"sequence", 0},
                {"organizer", {{"email", mailbox}, {"self", true}}},
                {"creator", {{"email", mailbox}, {"self", true}}}});
  if (conference_data) {
    if (Answer refused = ApplyConference(event, requested); refused.status != 200) return refused;
  }
  calendar[id] = event;
  return {200, event};
}

FakeGoogleEvents::Answer FakeGoogleEvents::Patch(const std::string& mailbox, const std::string& id, json fields,
                                                 bool conference_data) {
  if (!fields.is_object()) return {400, GoogleErrorBody(400, "parseError", "Parse Error")};
  auto& calendar = calendars_[mailbox];
  auto found = calendar.find(id);
  if (found == calendar.end()) return NotFound();
  const json requested = fields.value("conferenceData", json());
  for (const char* fixed : {"conferenceData", "id", "kind", "organizer", "creator", "iCalUID", "hangoutLink"}) {
    fields.erase(fixed);
  }
  json event = found->second;
  event.merge_patch(fields);  // members replaced or merged, arrays replaced
  if (auto invalid = CheckTimes(event)) return *invalid;
  if (conference_data) {
    if (Answer refused = ApplyConference(event, requested); refused.status != 200) return refused;
  }
  event["sequence"] = event.value("sequence", 0) + 1;
  found->second = event;
  return {200, event};
}

FakeGoogleEvents::Answer FakeGoogleEvents::Delete(const std::string& mailbox, const std::string& id) {
  auto& calendar = calendars_[mailbox];
  auto found = calendar.find(id);
  if (found == calendar.end()) return NotFound();
  if (found->second.value("status", std::string()) == "cancelled") {
    return {410, GoogleErrorBody(410, "deleted", "Resource has been deleted")};
  }
  found->second["status"] = "cancelled";
  return {204, json()};
}

std::vector<json> FakeGoogleEvents::Events(const std::string& mailbox) const {
  std::vector<json> events;
  if (auto calendar = calendars_.find(mailbox); calendar != calendars_.end()) {
    for (const auto& [id, event] : calendar->second) events.push_back(event);
  }
  return events;
}

}  // namespace mentorbot
