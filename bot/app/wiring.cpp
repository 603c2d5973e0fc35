#include "bot/app/wiring.h"

#include <filesystem>
#include <map>
#include <system_error>

namespace mentorbot {

ProgramSettings SettingsFromConfig(const Config& config) {
  ProgramSettings settings;
  for (const auto& key : config.program_admins) {
    if (auto ref = UserRef::Parse(key)) settings.admins.push_back(*ref);
  }
  settings.default_time_zone = config.program_default_time_zone;
  settings.command_prefix[Platform::kSlack] = config.slack_command + " ";
  // In the engine an empty provider means files: "ics" needs no service.
  const auto service = [](const std::string& provider) { return provider == "ics" ? std::string() : provider; };
  settings.calendar_provider = service(config.calendar_provider);
  for (const auto& [workspace, provider] : config.calendar_workspaces) {
    settings.calendar_provider_by_workspace[workspace] = service(provider);
  }
  settings.directory_sources = DirectorySourceNames(config);
  return settings;
}

StatusOr<std::unique_ptr<Wiring>> Wiring::Create(const Config& config, const Secrets& secrets, const Clock& clock) {
  const auto folder = std::filesystem::path(config.database_path).parent_path();
  if (!folder.empty()) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) return Status::Unavailable("database.path: cannot create " + folder.string() + ": " + error.message());
  }
  auto store = SqliteStore::Open(config.database_path,
                                SqliteStore::Options{std::min(config.server_threads, 8), 5000,
                                                     std::int64_t{config.database_max_size_mb} * 1024 * 1024});
  if (!store.ok()) return Status::Unavailable("database.path: " + store.status().message());

  std::unique_ptr<Wiring> wiring(new Wiring());
  wiring->store_ = std::move(store).value();
  wiring->engine_ = std::make_unique<Engine>(*wiring->store_, clock, SettingsFromConfig(config));
  wiring->slack_verifier_ = std::make_unique<SlackRequestVerifier>(secrets.slack_signing_secret, clock);
  wiring->slash_commands_ =
      std::make_unique<SlashCommandRoute>(*wiring->slack_verifier_, *wiring->engine_, config.slack_command);

  std::map<Platform, Sender*> senders;
  std::map<Platform, UserDirectory*> directories;
  wiring->http_client_ = std::make_unique<HttpClient>(std::chrono::seconds(10));
  if (!secrets.slack_bot_token.empty()) {
    wiring->slack_sender_ = std::make_unique<SlackWebApiSender>(config.slack_api_base_url, secrets.slack_bot_token,
                                                                *wiring->http_client_, wiring->store_.get());
    senders[Platform::kSlack] = wiring->slack_sender_.get();
    wiring->slack_directory_ = std::make_unique<SlackUserDirectory>(config.slack_api_base_url, secrets.slack_bot_token,
                                                                    *wiring->http_client_);
    directories[Platform::kSlack] = wiring->slack_directory_.get();
  }
  // Views get their own connection: a modal must not wait behind a message
  // the outbox is sending (the click's trigger expires in 3 s).
  wiring->views_http_client_ = std::make_unique<HttpClient>(std::chrono::seconds(3));
  wiring->slack_views_ = std::make_unique<SlackViewsClient>(config.slack_api_base_url, secrets.slack_bot_token,
                                                            *wiring->views_http_client_);
  wiring->slack_interactions_ =
      std::make_unique<SlackInteractionsRoute>(*wiring->slack_verifier_, *wiring->engine_, *wiring->slack_views_);
  // Roster files download on their own connection, with a longer timeout than Web API calls.
  wiring->files_http_client_ = std::make_unique<HttpClient>(std::chrono::seconds(30));
  wiring->slack_files_ = std::make_unique<SlackFileFetcher>(config.slack_api_base_url, secrets.slack_bot_token,
                                                            *wiring->files_http_client_, *wiring->engine_);
  wiring->slack_events_ = std::make_unique<SlackEventsRoute>(*wiring->slack_verifier_, *wiring->engine_,
                                                             *wiring->slack_views_, *wiring->slack_files_,
                                                             config.slack_command);
  wiring->CreateTeams(config, secrets, clock, senders, directories);
  wiring->profile_sync_ = std::make_unique<ProfileSync>(*wiring->store_, clock, std::move(directories));
  OutboxOptions outbox;
  outbox.max_attempts = config.outbox_max_attempts;
  outbox.first_backoff = std::chrono::seconds(config.outbox_first_backoff_seconds);
  outbox.max_backoff = std::chrono::seconds(config.outbox_max_backoff_seconds);
  outbox.lease = std::chrono::seconds(config.outbox_lease_seconds);
  wiring->outbox_ = std::make_unique<OutboxWorker>(*wiring->store_, clock, std::move(senders), outbox);
  auto calendar_services = CreateCalendarServices(config, secrets, clock);
  if (!calendar_services.ok()) return calendar_services.status();
  wiring->calendar_services_ = std::move(calendar_services).value();
  wiring->settings_ = SettingsFromConfig(config);
  wiring->calendar_ = std::make_unique<CalendarWorker>(*wiring->store_, clock, wiring->settings_,
                                                       wiring->calendar_services_->by_provider, outbox);
  wiring->calendar_->SetOutboxListener([worker = wiring->outbox_.get()] { worker->Wake(); });
  // A command that queued messages may also have queued calendar work.
  wiring->engine_->SetOutboxListener([worker = wiring->outbox_.get(), calendar = wiring->calendar_.get()] {
    worker->Wake();
    calendar->Wake();
  });
  // Changes made by other processes (`mentorbot chat`, a second server) are
  // seen within a minute; this process's own changes wake the loop at once.
  wiring->scheduler_ = std::make_unique<Scheduler>(*wiring->store_, SettingsFromConfig(config));
  wiring->scheduler_loop_ =
      std::make_unique<SchedulerLoop>(*wiring->scheduler_, clock, std::chrono::steady_clock::now,
                                      std::chrono::seconds(60), [worker = wiring->outbox_.get()] { worker->Wake(); });
  auto directory_sources = CreateDirectorySources(config, secrets, clock);
  if (!directory_sources.ok()) return directory_sources.status();
  wiring->directory_sources_ = std::move(directory_sources).value();
  wiring->directory_sync_ = std::make_unique<DirectorySync>(*wiring->store_, clock, wiring->settings_,
                                                            wiring->directory_sources_->all,
                                                            DirectoryScheduleOf(config), std::chrono::steady_clock::now);
  wiring->engine_->SetChangeListener([loop = wiring->scheduler_loop_.get(), sync = wiring->profile_sync_.get(),
                                      directory = wiring->directory_sync_.get()] {
    sync->Wake();  // someone may have joined: learn their time zone before the scheduler plans for them
    directory->Wake();  // an admin may have asked for a directory sync
    loop->Wake();
  });
  if (config.metrics_enabled) {
    wiring->metrics_ = std::make_unique<MetricsEndpoint>(
        *wiring->store_, *wiring->outbox_, config.scheduler_enabled ? wiring->scheduler_loop_.get() : nullptr,
        secrets.metrics_token);
  }
  return wiring;
}

void Wiring::CreateTeams(const Config& config, const Secrets& secrets, const Clock& clock,
                         std::map<Platform, Sender*>& senders, std::map<Platform, UserDirectory*>& directories) {
  const bool local_development = secrets.teams_app_id.empty() && config.teams_allow_unauthenticated;
  teams_policy_ = std::make_unique<ServiceUrlPolicy>(config.teams_service_url_allowlist, local_development);
  if (!secrets.teams_app_id.empty()) {
    teams_keys_ = std::make_unique<OpenIdSigningKeys>(config.teams_openid_metadata_url, *http_client_, clock);
    teams_validator_ = std::make_unique<BotFrameworkTokenValidator>(secrets.teams_app_id, *teams_keys_, clock);
    if (!secrets.teams_app_password.empty()) {
      teams_tokens_ = std::make_unique<ClientCredentialsTokens>(config.teams_token_url, secrets.teams_app_id,
                                                                secrets.teams_app_password, kBotFrameworkScope,
                                                                *http_client_, clock);
    }
  }
  if (teams_tokens_ || local_development) {
    teams_sender_ = std::make_unique<ConnectorSender>(*store_, *http_client_, teams_tokens_.get(), *teams_policy_,
                                                      secrets.teams_app_id, clock);
    senders[Platform::kTeams] = teams_sender_.get();
  }
  teams_directory_ = std::make_unique<TeamsMemberDirectory>(*store_, *http_client_, teams_tokens_.get(), *teams_policy_);
  directories[Platform::kTeams] = teams_directory_.get();
  teams_route_ = std::make_unique<TeamsMessagesRoute>(teams_validator_.get(), *teams_policy_, *engine_, *store_, clock);
  teams_files_ = std::make_unique<TeamsFileFetcher>(*files_http_client_, *teams_policy_, *engine_);
  teams_route_->set_file_fetcher(teams_files_.get());
  // The outbox worker is created after the adapters: wake it only once it exists.
  const auto wake_outbox = [this] { if (outbox_) outbox_->Wake(); };
  teams_uploads_ =
      std::make_unique<TeamsFileUploader>(*store_, *files_http_client_, *teams_policy_, clock, wake_outbox);
  teams_route_->set_file_uploader(teams_uploads_.get());
  teams_route_->set_outbox_wake(wake_outbox);
}

HttpResponse Wiring::DatabaseCheck(RequestLogFields& log, const char* ok_text) {
  Status health = store_->CheckHealth();
  if (health.ok()) return HttpResponse::Text(200, ok_text);
  log.detail = health.message();
  return HttpResponse::Text(503, "database unavailable\n");
}

Status Wiring::DatabaseWritable() {
  // Room for a few commands' worth of changes: a database that is all but
  // full fails the next large write, so it is not ready for work.
  constexpr std::int64_t kHeadroomBytes = 64 * 1024;
  constexpr auto kReuseFor = std::chrono::seconds(1);
  std::lock_guard lock(writable_mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (writable_checked_ == std::chrono::steady_clock::time_point() || now - writable_checked_ >= kReuseFor) {
    writable_ = store_->CheckWritable(kHeadroomBytes);
    writable_checked_ = now;
  }
  return writable_;
}

void Wiring::AddRoutes(WebhookServer& server) {
  // Liveness: the process answers and its database does.
  server.Get("/healthz", [this](const HttpRequest&, RequestLogFields& log) { return DatabaseCheck(log, "ok\n"); });
  // Readiness: also not going away, so a load balancer stops sending work first.
  server.Get("/readyz", [this, &server](const HttpRequest&, RequestLogFields& log) {
    if (server.shutting_down()) return HttpResponse::Text(503, "shutting down\n");
    if (Status writable = DatabaseWritable(); !writable.ok()) {
      log.detail = writable.message();
      return HttpResponse::Text(503, "database not writable\n");
    }
    return HttpResponse::Text(200, "ready\n");
  });
  if (metrics_) {
    server.Get("/metrics", [this](const HttpRequest& request, RequestLogFields& log) {
      return metrics_->Handle(request, log);
    });
    server.SetObserver([metrics = metrics_.get()](const std::string& route, int status, double seconds) {
      metrics->RecordRequest(route, status, seconds);
    });
  }
  server.Post("/slack/commands", [this](const HttpRequest& request, RequestLogFields& log) {
    return slash_commands_->Handle(request, log);
  });
  server.Post("/slack/interactions", [this](const HttpRequest& request, RequestLogFields& log) {
    return slack_interactions_->Handle(request, log);
  });
  server.Post("/slack/events", [this](const HttpRequest& request, RequestLogFields& log) {
    return slack_events_->Handle(request, log);
  });
  server.Post("/api/messages", [this](const HttpRequest& request, RequestLogFields& log) {
    return teams_route_->Handle(request, log);
  });
}

}  // namespace mentorbot
