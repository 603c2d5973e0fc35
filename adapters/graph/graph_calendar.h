// GraphCalendar: the CalendarService of Microsoft 365, through Microsoft
// Graph with the program's app-only credentials (client-credentials grant,
// scope https://graph.microsoft.com/.default; the app needs the
// Calendars.ReadWrite application permission), acting in the organizer's
// mailbox:
//   create   POST  /users/{mailbox}/events                (transactionId from event.uid)
//   update   GET + PATCH /users/{mailbox}/events/{id}     (the Teams meeting kept)
//   cancel   POST  /users/{mailbox}/events/{id}/cancel
//   busy     POST  /users/{mailbox}/calendar/getSchedule  (times only)
// Outcomes: no answer, 408, 429 and 5xx are kRetry with Graph's
// Retry-After; 401 drops the cached token and is kRetry; other 4xx are
// kPermanent with Graph's error code. Tokens and secrets are never logged
// or put in an error. Thread-safety: as the port, one call at a time from
// the calendar worker (the token cache itself is thread-safe).
#pragma once

#include "adapters/graph/graph_app_tokens.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "adapters/common/client_credentials_tokens.h"
#include "adapters/common/http_client.h"
#include "bot/core/calendar_service.h"
#include "bot/core/clock.h"

namespace mentorbot {

struct GraphCalendarConfig {
  std::string api_base_url = "https://graph.microsoft.com/v1.0";
  std::string login_base_url = "https://login.microsoftonline.com";
  std::string tenant_id;
  std::string client_id;
  std::string client_secret;
};

class GraphCalendar : public CalendarService {
 public:
  static constexpr const char* kScope = kGraphAppScope;

  // REQUIRES: http and clock outlive this.
  GraphCalendar(GraphCalendarConfig config, HttpClient& http, const Clock& clock);
  GraphCalendar(const GraphCalendar&) = delete;
  GraphCalendar& operator=(const GraphCalendar&) = delete;

  CalendarBooking Put(const std::string& mailbox, const CalendarEvent& event, const std::string& event_id) override;
  CalendarCallStatus Cancel(const std::string& mailbox, const std::string& event_id,
                            const std::string& comment) override;
  CalendarAvailability FreeBusy(const std::string& mailbox, const std::vector<std::string>& emails, TimePoint from,
                                TimePoint until) override;

 private:
  enum class Method { kGet, kPost, kPatch };
  struct Answer {
    int status = 0;              // 0: no answer came
    CalendarCallStatus failure;  // what a non-2xx answer (or none) means; 404 included
    nlohmann::json body;         // the parsed answer (discarded when not JSON)
    bool ok() const { return status >= 200 && status < 300; }
  };

  // One Graph call with the bearer token; `what` names it in errors.
  Answer Call(Method method, const std::string& url, const nlohmann::json& request, const std::string& what);
  CalendarBooking Create(const std::string& mailbox, const CalendarEvent& event, const std::string& transaction_id);
  // nullopt when the event is gone (404: the organizer deleted it).
  std::optional<CalendarBooking> Update(const std::string& mailbox, const CalendarEvent& event,
                                        const std::string& event_id);
  std::string UserUrl(const std::string& mailbox) const;
  std::string EventUrl(const std::string& mailbox, const std::string& event_id) const;

  GraphCalendarConfig config_;
  HttpClient& http_;
  ClientCredentialsTokens tokens_;
};

}  // namespace mentorbot
