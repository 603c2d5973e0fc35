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

// InvalidArgument naming the key or variable when a provider in use cannot
// be built (no secret, an unreadable key file). REQUIRES: clock outlives it.
StatusOr<std::unique_ptr<CalendarServices>> CreateCalendarServices(const Config& config, const Secrets& secrets,
                                                                   const Clock& clock);

}  // namespace mentorbot
