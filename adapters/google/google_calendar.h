// GoogleCalendar: the CalendarService of Google Workspace (Calendar API v3),
// acting in each organizer's own primary calendar through a service account
// with domain-wide delegation (a token per mailbox, JwtBearerTokens).
//   Put, new:   POST   calendars/primary/events?conferenceDataVersion=1&sendUpdates=all
//               with the id derived from the uid and a Meet create request;
//               409 (the id exists: an insert whose answer was lost, or an
//               event deleted before, which Google keeps as "cancelled") →
//               PATCH that id, status "confirmed" again.
//   Put, known: PATCH  calendars/primary/events/{id}?conferenceDataVersion=1&sendUpdates=all
//               (no conferenceData: the Meet link stays).
//   Cancel:     DELETE calendars/primary/events/{id}?sendUpdates=all; 404/410 = already gone.
//   FreeBusy:   POST   freeBusy; calendars answering "errors" are left out.
// Thread-safety: the calls may come from any thread (HttpClient and the
// token cache are safe); the port has them one at a time anyway.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "adapters/common/http_client.h"
#include "adapters/google/jwt_bearer_tokens.h"
#include "adapters/google/service_account.h"
#include "bot/core/calendar_service.h"
#include "bot/core/clock.h"

namespace mentorbot {

struct GoogleCalendarConfig {
  std::string api_base_url = "https://www.googleapis.com/calendar/v3";
  std::string token_url;  // empty = the key file's token_uri
};

class GoogleCalendar : public CalendarService {
 public:
  // What the service account must be allowed in the Admin console's
  // domain-wide delegation: events (insert, patch, delete) and free/busy.
  static constexpr const char* kScopes =
      "https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.freebusy";

  // REQUIRES: account loaded by LoadServiceAccount; http and clock outlive this.
  GoogleCalendar(GoogleCalendarConfig config, ServiceAccount account, HttpClient& http, const Clock& clock);
  GoogleCalendar(const GoogleCalendar&) = delete;
  GoogleCalendar& operator=(const GoogleCalendar&) = delete;

  CalendarBooking Put(const std::string& mailbox, const CalendarEvent& event, const std::string& event_id) override;
  // Google's events.delete takes no message: attendees get Google's own
  // cancellation email, and `comment` (the reason) reaches them in the
  // bot's chat message instead.
  CalendarCallStatus Cancel(const std::string& mailbox, const std::string& event_id,
                            const std::string& comment) override;
  CalendarAvailability FreeBusy(const std::string& mailbox, const std::vector<std::string>& emails, TimePoint from,
                                TimePoint until) override;

 private:
  enum class Method { kPost, kPatch, kDelete };
  struct Answer {
    CalendarCallStatus status;
    HttpClientResponse response;  // empty when no answer came
  };

  // One authorized call for `mailbox`; a 401 drops the mailbox's token.
  Answer Send(const std::string& mailbox, Method method, const std::string& url, const std::string& body,
              const std::string& what);
  CalendarBooking Patch(const std::string& mailbox, const std::string& event_id, const nlohmann::json& fields);
  std::string EventUrl(const std::string& event_id, const std::string& query) const;

  std::string api_base_url_;
  HttpClient& http_;
  JwtBearerTokens tokens_;
};

}  // namespace mentorbot
