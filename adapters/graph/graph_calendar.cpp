#include "adapters/graph/graph_calendar.h"

#include "adapters/graph/graph_app_tokens.h"

#include <spdlog/spdlog.h>

#include "adapters/common/form_decoding.h"
#include "adapters/common/json_fields.h"
#include "adapters/common/retry_after.h"
#include "adapters/graph/graph_date_time.h"
#include "adapters/graph/graph_event_json.h"
#include "adapters/graph/graph_meeting_body.h"
#include "adapters/graph/graph_schedule.h"

namespace mentorbot {

namespace {

using nlohmann::json;

std::string ErrorCode(const json& body) { return StringField(Member(body, "error"), "code"); }

// The event's id and Teams link from a create or update answer.
CalendarBooking Booked(const json& event, const std::string& what) {
  const std::string id = StringField(event, "id");
  if (id.empty()) return {CalendarCallStatus::Retry("graph " + what + ": the answer has no event id"), "", ""};
  // onlineMeeting is null when no meeting was made (a tenant without Teams).
  return {CalendarCallStatus::Done(), id, StringField(Member(event, "onlineMeeting"), "joinUrl")};
}

// The transactionId of a create that must not be answered with an event
// made before (deleted since): the sequence, raised with every change sent,
// gives one that a retry of this same change still shares.
std::string FreshTransactionId(const CalendarEvent& event) {
  return GraphTransactionId(event.uid + "#" + std::to_string(event.sequence));
}

}  // namespace

GraphCalendar::GraphCalendar(GraphCalendarConfig config, HttpClient& http, const Clock& clock)
    : config_(std::move(config)), http_(http),
      tokens_(GraphTokenUrl(config_.login_base_url, config_.tenant_id), config_.client_id, config_.client_secret,
              kGraphAppScope, http, clock) {}

std::string GraphCalendar::UserUrl(const std::string& mailbox) const {
  return config_.api_base_url + "/users/" + PercentEncode(mailbox, "@");
}

std::string GraphCalendar::EventUrl(const std::string& mailbox, const std::string& event_id) const {
  return UserUrl(mailbox) + "/events/" + PercentEncode(event_id);
}

GraphCalendar::Answer GraphCalendar::Call(Method method, const std::string& url, const json& request,
                                          const std::string& what) {
  Answer answer;
  auto token = tokens_.Get();
  if (!token.ok()) {
    answer.failure = token.status().code() == StatusCode::kPermissionDenied
                         ? CalendarCallStatus::Permanent("graph token: " + token.status().message())
                         : CalendarCallStatus::Retry("graph token: " + token.status().message());
    return answer;
  }
  const std::map<std::string, std::string> headers{{"Authorization", "Bearer " + *token}, {"Prefer", kGraphPreferUtc}};
  StatusOr<HttpClientResponse> response = Status::Unavailable("unsent");
  switch (method) {
    case Method::kGet: response = http_.Get(url, headers); break;
    case Method::kPost: response = http_.Post(url, headers, request.dump(), "application/json"); break;
    case Method::kPatch: response = http_.Patch(url, headers, request.dump(), "application/json"); break;
  }
  if (!response.ok()) {
    answer.failure = CalendarCallStatus::Retry("graph " + what + ": " + response.status().message());
    return answer;
  }
  answer.status = response->status;
  answer.body = json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (answer.ok()) return answer;
  const std::string detail = "graph " + what + ": http " + std::to_string(answer.status);
  const std::string code = ErrorCode(answer.body);
  if (answer.status == 401) {
    tokens_.Invalidate();  // expired or revoked: the next call fetches a new one
    answer.failure = CalendarCallStatus::Retry(detail + " (token refused)");
  } else if (answer.status == 408 || answer.status == 429 || answer.status >= 500) {
    answer.failure = CalendarCallStatus::Retry(detail + (code.empty() ? "" : " " + code),
                                               ParseRetryAfter(response->Header("retry-after"), std::chrono::seconds(0)));
  } else {
    answer.failure = CalendarCallStatus::Permanent(detail + (code.empty() ? "" : " " + code));
  }
  return answer;
}

CalendarBooking GraphCalendar::Put(const std::string& mailbox, const CalendarEvent& event,
                                   const std::string& event_id) {
  if (event_id.empty()) return Create(mailbox, event, GraphTransactionId(event.uid));
  if (auto updated = Update(mailbox, event, event_id)) return *updated;
  // The organizer deleted the event (or a cancel moved it to Deleted
  // Items): make it again, under a fresh transactionId.
  return Create(mailbox, event, FreshTransactionId(event));
}

CalendarBooking GraphCalendar::Create(const std::string& mailbox, const CalendarEvent& event,
                                      const std::string& transaction_id) {
  Answer answer = Call(Method::kPost, UserUrl(mailbox) + "/events", GraphCreateRequest(mailbox, event, transaction_id),
                       "create event");
  if (!answer.ok()) return {answer.failure, "", ""};
  CalendarBooking made = Booked(answer.body, "create event");
  if (!made.status.done() || GraphEventSays(answer.body, mailbox, event)) return made;
  // A retried create answered with what an earlier try made: update it.
  if (auto updated = Update(mailbox, event, made.event_id)) return *updated;
  // That event was deleted since, and its transactionId keeps answering with
  // it: a new one, as when the organizer deleted a booked event.
  const std::string fresh = FreshTransactionId(event);
  if (transaction_id != fresh) return Create(mailbox, event, fresh);
  return {CalendarCallStatus::Retry("graph create event: the event made was deleted before it could be updated"), "",
          ""};
}

std::optional<CalendarBooking> GraphCalendar::Update(const std::string& mailbox, const CalendarEvent& event,
                                                     const std::string& event_id) {
  // The current body first: the Teams meeting's details live in it and must
  // survive the new description (graph_meeting_body.h).
  Answer current = Call(Method::kGet, EventUrl(mailbox, event_id) + "?$select=body,onlineMeeting", json(), "get event");
  if (current.status == 404) return std::nullopt;
  if (!current.ok()) return CalendarBooking{current.failure, "", ""};
  json request = GraphEventFields(mailbox, event);
  const std::string join_url = StringField(Member(current.body, "onlineMeeting"), "joinUrl");
  if (join_url.empty()) {
    request["body"] = {{"contentType", "text"}, {"content", event.description}};  // no meeting to lose
  } else if (auto body = BodyKeepingMeeting(event.description, Member(current.body, "body"), join_url)) {
    request["body"] = std::move(*body);
  } else {
    spdlog::warn("graph update event: the Teams meeting's details were not found in the body; the description is "
                 "left as it was");
  }
  Answer answer = Call(Method::kPatch, EventUrl(mailbox, event_id), request, "update event");
  if (answer.status == 404) return std::nullopt;
  if (!answer.ok()) return CalendarBooking{answer.failure, "", ""};
  return Booked(answer.body, "update event");
}

CalendarCallStatus GraphCalendar::Cancel(const std::string& mailbox, const std::string& event_id,
                                         const std::string& comment) {
  if (event_id.empty()) return CalendarCallStatus::Done();  // nothing was ever made
  Answer answer = Call(Method::kPost, EventUrl(mailbox, event_id) + "/cancel", {{"comment", comment}}, "cancel event");
  if (answer.ok() || answer.status == 404) return CalendarCallStatus::Done();  // 404: already gone
  return answer.failure;
}

CalendarAvailability GraphCalendar::FreeBusy(const std::string& mailbox, const std::vector<std::string>& emails,
                                             TimePoint from, TimePoint until) {
  if (emails.empty()) return {CalendarCallStatus::Done(), {}};
  Answer answer = Call(Method::kPost, UserUrl(mailbox) + "/calendar/getSchedule",
                       GraphScheduleRequest(emails, from, until), "getSchedule");
  if (!answer.ok()) return {answer.failure, {}};
  auto busy = ReadGraphSchedule(answer.body, emails);
  if (!busy) return {CalendarCallStatus::Retry("graph getSchedule: the answer has no schedules"), {}};
  return {CalendarCallStatus::Done(), std::move(*busy)};
}

}  // namespace mentorbot
