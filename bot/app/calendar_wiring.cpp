#include "bot/app/calendar_wiring.h"

#include "adapters/google/service_account.h"

namespace mentorbot {

StatusOr<std::unique_ptr<CalendarServices>> CreateCalendarServices(const Config& config, const Secrets& secrets,
                                                                   const Clock& clock) {
  auto services = std::make_unique<CalendarServices>();
  services->http = std::make_unique<HttpClient>(std::chrono::seconds(10));
  if (config.UsesCalendar("graph")) {
    GraphCalendarConfig graph{config.calendar_graph_api_base_url, config.calendar_graph_login_base_url,
                              config.calendar_graph_tenant_id, config.calendar_graph_client_id,
                              secrets.graph_client_secret};
    if (graph.client_secret.empty()) {
      return Status::InvalidArgument("GRAPH_CLIENT_SECRET: must be set when a workspace uses the graph calendar");
    }
    services->graph = std::make_unique<GraphCalendar>(std::move(graph), *services->http, clock);
    services->by_provider["graph"] = services->graph.get();
  }
  if (config.UsesCalendar("google")) {
    std::string key_file = config.calendar_google_key_file;
    if (key_file.empty()) key_file = secrets.google_key_file;
    if (key_file.empty()) {
      return Status::InvalidArgument(
          "calendar.google_key_file: required (or GOOGLE_SERVICE_ACCOUNT_KEY_FILE) when a workspace uses google");
    }
    auto account = LoadServiceAccount(key_file);
    if (!account.ok()) return Status::InvalidArgument("calendar.google_key_file: " + account.status().message());
    services->google =
        std::make_unique<GoogleCalendar>(GoogleCalendarConfig{config.calendar_google_api_base_url,
                                                              config.calendar_google_token_url},
                                         std::move(account).value(), *services->http, clock);
    services->by_provider["google"] = services->google.get();
  }
  return services;
}

}  // namespace mentorbot
