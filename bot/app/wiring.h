// Wiring: the one place that builds the bot from its parts in dependency
// order — store, engine, platform adapters, outbox, routes — from the config,
// the secrets and a clock. Owns them all.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>

#include "adapters/common/http_client.h"
#include "adapters/slack/events_route.h"
#include "adapters/slack/interactions_route.h"
#include "adapters/slack/request_verifier.h"
#include "adapters/slack/slash_command_route.h"
#include "adapters/slack/user_directory.h"
#include "adapters/slack/file_fetcher.h"
#include "adapters/slack/views_client.h"
#include "adapters/slack/web_api_sender.h"
#include "adapters/teams/member_directory.h"
#include "adapters/teams/connector_sender.h"
#include "adapters/teams/connector_token.h"
#include "adapters/teams/messages_route.h"
#include "adapters/teams/service_url_policy.h"
#include "adapters/teams/signing_keys.h"
#include "adapters/teams/token_validator.h"
#include "bot/app/calendar_wiring.h"
#include "bot/app/directory_wiring.h"
#include "bot/app/config.h"
#include "bot/app/metrics_endpoint.h"
#include "bot/app/secrets.h"
#include "bot/app/webhook_server.h"
#include "bot/engine/engine.h"
#include "bot/engine/calendar/calendar_worker.h"
#include "bot/engine/delivery/outbox_worker.h"
#include "bot/engine/directory/profile_sync.h"
#include "bot/engine/scheduling/scheduler_loop.h"
#include "storage/sqlite_store.h"

namespace mentorbot {

class Wiring {
 public:
  // Opens the database (creating its folder if needed) and builds everything.
  // REQUIRES: clock outlives the result.
  static StatusOr<std::unique_ptr<Wiring>> Create(const Config& config, const Secrets& secrets, const Clock& clock);
  Wiring(const Wiring&) = delete;
  Wiring& operator=(const Wiring&) = delete;

  Store& store() { return *store_; }
  Engine& engine() { return *engine_; }
  OutboxWorker& outbox() { return *outbox_; }
  CalendarWorker& calendar() { return *calendar_; }
  Scheduler& scheduler() { return *scheduler_; }
  SchedulerLoop& scheduler_loop() { return *scheduler_loop_; }
  ProfileSync& profile_sync() { return *profile_sync_; }
  DirectorySync& directory_sync() { return *directory_sync_; }
  bool has_directories() const { return !directory_sources_->all.empty(); }
  SlackViewsClient& slack_views() { return *slack_views_; }
  SlackFileFetcher& slack_files() { return *slack_files_; }
  TeamsFileFetcher& teams_files() { return *teams_files_; }
  TeamsFileUploader& teams_uploads() { return *teams_uploads_; }
  bool slack_configured() const { return slack_verifier_->configured(); }
  // Without a bot token nothing is sent to Slack: messages wait in the outbox.
  bool slack_can_send() const { return slack_sender_ != nullptr; }
  // Teams activities are authenticated (TEAMS_APP_ID set) or, in local
  // development mode, accepted unsigned from loopback.
  bool teams_authenticated() const { return teams_validator_ != nullptr; }
  bool teams_local_development() const { return teams_policy_->local_development(); }
  bool teams_can_send() const { return teams_sender_ != nullptr; }
  // Null unless metrics.enabled.
  const MetricsEndpoint* metrics() const { return metrics_.get(); }

  // GET /healthz, /readyz (503 once `server` begins shutting down or while
  // the database cannot be written), /metrics
  // when enabled (and the server's observer feeding it); POST /slack/commands,
  // /slack/interactions, /slack/events, /api/messages.
  // REQUIRES: server outlives its routes' use.
  void AddRoutes(WebhookServer& server);

 private:
  Wiring() = default;
  // Builds the Teams adapter; adds its sender to `senders` when it can send.
  void CreateTeams(const Config& config, const Secrets& secrets, const Clock& clock,
                   std::map<Platform, Sender*>& senders, std::map<Platform, UserDirectory*>& directories);
  // 200 with `ok_text` when the database answers, else 503.
  HttpResponse DatabaseCheck(RequestLogFields& log, const char* ok_text);
  // Whether the database can be written with some room to spare: a write
  // probe (nothing is committed), its answer reused for a second, so however
  // often readiness is asked it takes the write lock at most once a second.
  Status DatabaseWritable();

  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<SlackRequestVerifier> slack_verifier_;
  std::unique_ptr<SlashCommandRoute> slash_commands_;
  std::unique_ptr<HttpClient> http_client_;
  std::unique_ptr<HttpClient> views_http_client_;
  std::unique_ptr<SlackViewsClient> slack_views_;
  std::unique_ptr<HttpClient> files_http_client_;
  std::unique_ptr<SlackFileFetcher> slack_files_;
  std::unique_ptr<TeamsFileFetcher> teams_files_;
  std::unique_ptr<TeamsFileUploader> teams_uploads_;
  std::unique_ptr<SlackInteractionsRoute> slack_interactions_;
  std::unique_ptr<SlackEventsRoute> slack_events_;
  std::unique_ptr<SlackWebApiSender> slack_sender_;
  std::unique_ptr<OutboxWorker> outbox_;
  ProgramSettings settings_;
  std::unique_ptr<CalendarServices> calendar_services_;
  std::unique_ptr<CalendarWorker> calendar_;
  std::unique_ptr<Scheduler> scheduler_;
  std::unique_ptr<SchedulerLoop> scheduler_loop_;
  std::unique_ptr<SlackUserDirectory> slack_directory_;
  std::unique_ptr<ProfileSync> profile_sync_;
  std::unique_ptr<DirectorySources> directory_sources_;
  std::unique_ptr<DirectorySync> directory_sync_;
  std::unique_ptr<ServiceUrlPolicy> teams_policy_;
  std::unique_ptr<OpenIdSigningKeys> teams_keys_;
  std::unique_ptr<BotFrameworkTokenValidator> teams_validator_;
  std::unique_ptr<ClientCredentialsTokens> teams_tokens_;
  std::unique_ptr<ConnectorSender> teams_sender_;
  std::unique_ptr<TeamsMessagesRoute> teams_route_;
  std::unique_ptr<TeamsMemberDirectory> teams_directory_;
  std::unique_ptr<MetricsEndpoint> metrics_;

  std::mutex writable_mutex_;
  std::chrono::steady_clock::time_point writable_checked_;  // guarded by writable_mutex_
  Status writable_;                                          // guarded by writable_mutex_
};

// The engine's settings as the config gives them.
ProgramSettings SettingsFromConfig(const Config& config);

}  // namespace mentorbot
