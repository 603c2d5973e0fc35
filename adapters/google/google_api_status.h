// How the bot reads an answer of the Google Calendar API (the "Handle API
// errors" guide): 2xx done; no answer, 5xx, 429 and 403 with the reason
// rateLimitExceeded, userRateLimitExceeded or quotaExceeded (usage limits,
// which replenish) are retried, honouring Retry-After; 401 (the token
// expired or was revoked) is retried with a new token; any other 4xx is
// permanent, with Google's own message. Pure functions.
#pragma once

#include <string>

#include "adapters/common/http_client.h"
#include "bot/core/calendar_service.h"

namespace mentorbot {

// `what` names the call for the message ("events.insert").
CalendarCallStatus ApiStatus(const StatusOr<HttpClientResponse>& response, const std::string& what);

// error.message of Google's error body, else "http <status>".
std::string ApiErrorMessage(const HttpClientResponse& response);

}  // namespace mentorbot
