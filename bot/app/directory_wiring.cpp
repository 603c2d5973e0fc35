#include "bot/app/directory_wiring.h"

#include "adapters/graph/graph_app_tokens.h"

namespace mentorbot {

std::vector<std::string> DirectorySourceNames(const Config& config) {
  std::vector<std::string> names;
  if (!config.directory_graph_tenant_id.empty()) names.push_back("graph");
  if (config.directory_slack) names.push_back("slack");
  return names;
}

Status CheckDirectoryCredentials(const Config& config, const Secrets& secrets) {
  if (!config.directory_graph_tenant_id.empty() && secrets.graph_client_secret.empty()) {
    return Status::InvalidArgument(
        "GRAPH_CLIENT_SECRET: must be set (the Entra app's client secret) because directory.graph_tenant_id is set");
  }
  if (config.directory_slack && secrets.slack_bot_token.empty()) {
    return Status::InvalidArgument("SLACK_BOT_TOKEN: must be set because directory.slack is true");
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<DirectorySources>> CreateDirectorySources(const Config& config, const Secrets& secrets,
                                                                   const Clock& clock) {
  if (Status credentials = CheckDirectoryCredentials(config, secrets); !credentials.ok()) return credentials;
  auto sources = std::make_unique<DirectorySources>();
  sources->http = std::make_unique<HttpClient>(std::chrono::seconds(30));
  if (!config.directory_graph_tenant_id.empty()) {
    sources->graph_tokens = std::make_unique<ClientCredentialsTokens>(
        GraphTokenUrl(config.calendar_graph_login_base_url, config.directory_graph_tenant_id),
        config.directory_graph_client_id, secrets.graph_client_secret, kGraphAppScope, *sources->http, clock);
    sources->graph = std::make_unique<GraphDirectory>(config.directory_graph_tenant_id,
                                                      config.calendar_graph_api_base_url, *sources->graph_tokens,
                                                      *sources->http);
    sources->all.push_back(sources->graph.get());
  }
  if (config.directory_slack) {
    SlackDirectoryOptions options;
    options.manager_field = config.directory_slack_manager_field;
    options.page_pause = std::chrono::milliseconds(config.directory_slack_page_pause_ms);
    sources->slack = std::make_unique<SlackDirectory>(config.slack_api_base_url, secrets.slack_bot_token,
                                                      *sources->http, options);
    sources->all.push_back(sources->slack.get());
  }
  return sources;
}

DirectorySchedule DirectoryScheduleOf(const Config& config) {
  return DirectorySchedule{std::chrono::minutes(config.directory_full_sync_hours * 60),
                           std::chrono::minutes(config.directory_incremental_sync_minutes)};
}

}  // namespace mentorbot
