#include "adapters/google/google_calendar.h"

#include <algorithm>
#include <optional>
#include <nlohmann/json.hpp>

#include "adapters/common/ascii_case.h"
#include "adapters/common/form_decoding.h"
#include "adapters/common/json_fields.h"
#include "adapters/google/google_api_status.h"
#include "adapters/google/google_event_resource.h"

namespace mentorbot {

namespace {
using nlohmann::json;
constexpr const char* kWriteQuery = "?conferenceDataVersion=1&sendUpdates=all";

std::string WithoutTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// calendars[email], matched case-insensitively (email addresses are).
const json* CalendarOf(const json& calendars, const std::string& email) {
  if (!calendars.is_object()) return nullptr;
  if (auto exact = calendars.find(email); exact != calendars.end()) return &*exact;
  for (auto it = calendars.begin(); it != calendars.end(); ++it) {
    if (AsciiLower(it.key()) == AsciiLower(email)) return &it.value();
  }
  return nullptr;
}

// nullopt when a busy block cannot be read: then the calendar counts as
// unreadable (as with Graph), never as free where it may not be.
std::optional<std::vector<BusyInterval>> BusyTimes(const json& calendar) {
  std::vector<BusyInterval> busy;
  const auto blocks = calendar.value("busy", json::array());
  if (!blocks.is_array()) return std::nullopt;
  for (const auto& block : blocks) {
    const auto start = ParseRfc3339(StringField(block, "start"));
    const auto end = ParseRfc3339(StringField(block, "end"));
    if (!start || !end || *end < *start) return std::nullopt;
    if (*start < *end) busy.push_back(BusyInterval{*start, *end});
  }
  return busy;
}
}  // namespace

GoogleCalendar::GoogleCalendar(GoogleCalendarConfig config, ServiceAccount account, HttpClient& http,
                               const Clock& clock)
    : api_base_url_(WithoutTrailingSlash(config.api_base_url)), http_(http),
      tokens_(account, config.token_url.empty() ? account.token_uri : config.token_url, kScopes, http, clock) {}

std::string GoogleCalendar::EventUrl(const std::string& event_id, const std::string& query) const {
  return api_base_url_ + "/calendars/primary/events" + (event_id.empty() ? "" : "/" + PercentEncode(event_id)) +
         query;
}

GoogleCalendar::Answer GoogleCalendar::Send(const std::string& mailbox, Method method, const std::string& url,
                                            const std::string& body, const std::string& what) {
  auto token = tokens_.Get(mailbox);
  if (!token.ok()) {
    const std::string error = what + ": " + token.status().message();
    return {token.status().code() == StatusCode::kPermissionDenied ? CalendarCallStatus::Permanent(error)
                                                                   : CalendarCallStatus::Retry(error),
            {}};
  }
  const std::map<std::string, std::string> headers = {{"Authorization", "Bearer " + *token}};
  constexpr const char* kJson = "application/json";
  auto response = method == Method::kPost    ? http_.Post(url, headers, body, kJson)
                  : method == Method::kPatch ? http_.Patch(url, headers, body, kJson)
                                             : http_.Delete(url, headers);
  if (response.ok() && response->status == 401) tokens_.Invalidate(mailbox);
  Answer answer{ApiStatus(response, what), {}};
  if (response.ok()) answer.response = std::move(response).value();
  return answer;
}

CalendarBooking GoogleCalendar::Patch(const std::string& mailbox, const std::string& event_id, const json& fields) {
  Answer answer = Send(mailbox, Method::kPatch, EventUrl(event_id, kWriteQuery), fields.dump(), "events.patch");
  if (!answer.status.done()) return {answer.status, "", ""};
  return {CalendarCallStatus::Done(), event_id, JoinUrl(json::parse(answer.response.body, nullptr, false))};
}

CalendarBooking GoogleCalendar::Put(const std::string& mailbox, const CalendarEvent& event,
                                    const std::string& event_id) {
  if (!event_id.empty()) {
    // "confirmed" brings back an event cancelled before (a pause over the
    // date, or the mentee deleted it); an event in place is left as it is.
    json fields = EventFields(event);
    fields["status"] = "confirmed";
    return Patch(mailbox, event_id, fields);
  }
  const std::string id = GoogleEventId(event.uid);
  json resource = EventFields(event);
  resource["id"] = id;
  resource["conferenceData"] = MeetCreateRequest(id);
  Answer answer = Send(mailbox, Method::kPost, EventUrl("", kWriteQuery), resource.dump(), "events.insert");
  if (answer.response.status == 409) {
    // The id is taken in this calendar: by our own insert whose answer was
    // lost, or by our event deleted before — Google keeps deleted events
    // (status "cancelled") and never frees their ids, so an insert cannot
    // reuse it; patching it with status "confirmed" brings it back. The
    // same Meet request id again is ignored by Google when the conference
    // was already made for it, so no second Meet is created.
    json restore = EventFields(event);
    restore["status"] = "confirmed";
    restore["conferenceData"] = MeetCreateRequest(id);
    return Patch(mailbox, id, restore);
  }
  if (!answer.status.done()) return {answer.status, "", ""};
  return {CalendarCallStatus::Done(), id, JoinUrl(json::parse(answer.response.body, nullptr, false))};
}

CalendarCallStatus GoogleCalendar::Cancel(const std::string& mailbox, const std::string& event_id,
                                          const std::string& /*comment: Google has no cancellation message*/) {
  if (event_id.empty()) return CalendarCallStatus::Done();
  Answer answer = Send(mailbox, Method::kDelete, EventUrl(event_id, "?sendUpdates=all"), "", "events.delete");
  // 410 Gone: deleted already (Google's answer to deleting a deleted event); 404: never there.
  if (answer.response.status == 404 || answer.response.status == 410) return CalendarCallStatus::Done();
  return answer.status;
}

CalendarAvailability GoogleCalendar::FreeBusy(const std::string& mailbox, const std::vector<std::string>& emails,
                                              TimePoint from, TimePoint until) {
  CalendarAvailability availability;
  if (emails.empty() || !(from < until)) return availability;
  json items = json::array();
  for (const auto& email : emails) items.push_back({{"id", email}});
  const json query = {{"timeMin", FormatRfc3339(from)}, {"timeMax", FormatRfc3339(until)}, {"items", items}};
  Answer answer = Send(mailbox, Method::kPost, api_base_url_ + "/freeBusy", query.dump(), "freebusy.query");
  if (!answer.status.done()) {
    availability.status = answer.status;
    return availability;
  }
  const auto body = json::parse(answer.response.body, nullptr, false);
  const auto calendars = body.is_object() ? body.value("calendars", json()) : json();
  if (!calendars.is_object()) {
    availability.status = CalendarCallStatus::Retry("google freebusy.query: the answer has no calendars");
    return availability;
  }
  for (const auto& email : emails) {
    const json* calendar = CalendarOf(calendars, email);
    // A calendar that could not be read ("errors": notFound, no access) is left out.
    if (calendar == nullptr || !calendar->is_object() || calendar->contains("errors")) continue;
    if (auto busy = BusyTimes(*calendar)) availability.busy[email] = std::move(*busy);
  }
  return availability;
}

}  // namespace mentorbot
