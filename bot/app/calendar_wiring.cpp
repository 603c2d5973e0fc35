#include "bot/app/calendar_wiring.h"

#include "adapters/google/service_account.h"

namespace mentorbot {

namespace {
// Which key makes `provider` needed, so the operator knows what to change
// if the secret was never meant to be required: `calendar.provider is
// "graph"` or `calendar.workspaces.T0001 is "graph"`.
std::string WhyNeeded(const Config& config, const std::string& provider) {
  if (config.calendar_provider == provider) return "calendar.provider is \"" + provider + "\"";
  for (const auto& [workspace, name] : config.calendar_workspaces) {
    if (name == provider) return "calendar.workspaces." + workspace + " is \"" + provider + "\"";
  }
  return "a workspace uses " + provider;
}

// The Graph client secret, or the error naming its variable. The secret's
// value never goes into a message.
StatusOr<std::string> GraphClientSecret(const Config& config, const Secrets& secrets) {
  if (secrets.graph_client_secret.empty()) {
    return Status::InvalidArgument("GRAPH_CLIENT_SECRET: must be set (the Entra app's client secret) because " +
                                   WhyNeeded(config, "graph"));
  }
  return secrets.graph_client_secret;
}

// The service account from the key file the config (or else the
// environment) names; the error names whichever of the two gave the path.
StatusOr<ServiceAccount> GoogleServiceAccount(const Config& config, const Secrets& secrets) {
  const bool from_config = !config.calendar_google_key_file.empty();
  const std::string& key_file = from_config ? config.calendar_google_key_file : secrets.google_key_file;
  if (key_file.empty()) {
    return Status::InvalidArgument("calendar.google_key_file: required (or GOOGLE_SERVICE_ACCOUNT_KEY_FILE) because " +
                                   WhyNeeded(config, "google"));
  }
  auto account = LoadServiceAccount(key_file);  // its messages name fields and the path, never the key
  if (!account.ok()) {
    const std::string source = from_config ? "calendar.google_key_file" : "GOOGLE_SERVICE_ACCOUNT_KEY_FILE";
    return Status::InvalidArgument(source + ": " + account.status().message() + "; needed because " +
                                   WhyNeeded(config, "google"));
  }
  return account;
}
}  // namespace

Status CheckCalendarCredentials(const Config& config, const Secrets& secrets) {
  if (config.UsesCalendar("graph")) {
    if (auto secret = GraphClientSecret(config, secrets); !secret.ok()) return secret.status();
  }
  if (config.UsesCalendar("google")) {
    if (auto account = GoogleServiceAccount(config, secrets); !account.ok()) return account.status();
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<CalendarServices>> CreateCalendarServices(const Config& config, const Secrets& secrets,
                                                                   const Clock& clock) {
  auto services = std::make_unique<CalendarServices>();
  services->http = std::make_unique<HttpClient>(std::chrono::seconds(10));
  if (config.UsesCalendar("graph")) {
    auto secret = GraphClientSecret(config, secrets);
    if (!secret.ok()) return secret.status();
    GraphCalendarConfig graph{config.calendar_graph_api_base_url, config.calendar_graph_login_base_url,
                              config.calendar_graph_tenant_id, config.calendar_graph_client_id,
                              std::move(secret).value()};
    services->graph = std::make_unique<GraphCalendar>(std::move(graph), *services->http, clock);
    services->by_provider["graph"] = services->graph.get();
  }
  if (config.UsesCalendar("google")) {
    auto account = GoogleServiceAccount(config, secrets);
    if (!account.ok()) return account.status();
    services->google =
        std::make_unique<GoogleCalendar>(GoogleCalendarConfig{config.calendar_google_api_base_url,
                                                              config.calendar_google_token_url},
                                         std::move(account).value(), *services->http, clock);
    services->by_provider["google"] = services->google.get();
  }
  return services;
}

}  // namespace mentorbot
