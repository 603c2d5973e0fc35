// CalendarServices: the calendar services the config asks for (Microsoft
// Graph, Google), built from the config and the environment's secrets (the
// Graph client secret GRAPH_CLIENT_SECRET; the Google key file path from
// calendar.google_key_file or GOOGLE_SERVICE_ACCOUNT_KEY_FILE), on their own
// HTTP connection so a slow calendar never holds up chat messages. Owns them.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "adapters/common/http_client.h"
#include "adapters/google/google_calendar.h"
#include "adapters/graph/graph_calendar.h"
#include "bot/app/config.h"
#include "bot/app/secrets.h"
#include "bot/core/calendar_service.h"
#include "bot/core/clock.h"

namespace mentorbot {

struct CalendarServices {
  std::unique_ptr<HttpClient> http;
  std::unique_ptr<GraphCalendar> graph;
  std::unique_ptr<GoogleCalendar> google;
  std::map<std::string, CalendarService*> by_provider;  // "graph", "google"
};

// A config error (exit 2 at startup) naming the variable or key when a
// provider in use lacks its credentials: GRAPH_CLIENT_SECRET unset for
// graph; for google no key file, or one that cannot be read or is not a
// service account key (named by calendar.google_key_file or
// GOOGLE_SERVICE_ACCOUNT_KEY_FILE, whichever gave the path). Says which
// calendar key makes it needed; never quotes a secret or the key.
Status CheckCalendarCredentials(const Config& config, const Secrets& secrets);

// The services; the same InvalidArgument as CheckCalendarCredentials when a
// provider in use cannot be built. REQUIRES: clock outlives it.
StatusOr<std::unique_ptr<CalendarServices>> CreateCalendarServices(const Config& config, const Secrets& secrets,
                                                                   const Clock& clock);

}  // namespace mentorbot
