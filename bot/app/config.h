// Config: the bot's configuration file, validated strictly: an unknown key, a
// wrong type or a value out of range is an error naming the key and why, and
// nothing starts half-configured. Secrets never live here (see secrets.h).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bot/core/status_or.h"

namespace mentorbot {

struct Config {
  std::string server_host = "127.0.0.1";
  int server_port = 3978;  // 0 = any free port (printed at start-up)
  int server_threads = 32;
  int server_active_requests = 0;  // 0 = eight per core
  int server_max_body_bytes = 262144;
  std::string database_path = "mentorbot.db";  // relative to the config file's folder
  int database_max_size_mb = 0;  // 0 = no limit
  std::string slack_api_base_url = "https://slack.com/api";
  std::string slack_command = "/mentor";
  std::string log_level = "info";
  int outbox_max_attempts = 12;
  int outbox_first_backoff_seconds = 5;
  int outbox_max_backoff_seconds = 3600;
  int outbox_lease_seconds = 120;
  bool scheduler_enabled = true;  // false: cron runs `mentorbot tick` instead
  std::vector<std::string> program_admins;  // user keys, e.g. "slack:T0001:U0001"
  std::string program_default_time_zone = "UTC";
  std::string teams_openid_metadata_url = "https://login.botframework.com/v1/.well-known/openidconfiguration";
  std::string teams_token_url = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";
  // Microsoft's Bot Framework service urls for Teams (public, GCC, GCC High, DoD).
  std::vector<std::string> teams_service_url_allowlist = {
      "https://smba.trafficmanager.net/", "https://smba.infra.gcc.teams.microsoft.com/",
      "https://smba.infra.gov.teams.microsoft.us/", "https://smba.infra.dod.teams.microsoft.us/"};
  bool teams_allow_unauthenticated = false;  // local development only; refused while TEAMS_APP_ID is set
  bool metrics_enabled = false;  // GET /metrics (Prometheus); off: 404
  // Where sessions are booked: "ics" (a file in chat), "graph" or "google";
  // per workspace or tenant id, with calendar_provider for the rest.
  std::string calendar_provider = "ics";
  std::map<std::string, std::string> calendar_workspaces;
  std::string calendar_graph_tenant_id;
  std::string calendar_graph_client_id;  // its secret: GRAPH_CLIENT_SECRET
  std::string calendar_graph_api_base_url = "https://graph.microsoft.com/v1.0";
  std::string calendar_graph_login_base_url = "https://login.microsoftonline.com";
  std::string calendar_google_key_file;  // or GOOGLE_SERVICE_ACCOUNT_KEY_FILE; never inside the repository
  std::string calendar_google_api_base_url = "https://www.googleapis.com/calendar/v3";
  std::string calendar_google_token_url;  // empty: the key file's token_uri
  int calendar_max_attempts = 8;
  // People synced from company directories (none by default: the CSV roster).
  // Graph uses calendar.graph_api_base_url / graph_login_base_url and the
  // secret GRAPH_CLIENT_SECRET; Slack uses slack.api_base_url and SLACK_BOT_TOKEN.
  std::string directory_graph_tenant_id;  // empty: no Graph directory
  std::string directory_graph_client_id;
  bool directory_slack = false;
  std::string directory_slack_manager_field;  // custom profile field id of type user; empty: none
  int directory_full_sync_hours = 24;
  int directory_incremental_sync_minutes = 60;
  int directory_slack_page_pause_ms = 3000;  // users.list is Tier 2 (about 20 calls a minute)

  // Whether any workspace books sessions with `provider`.
  bool UsesCalendar(const std::string& provider) const;
};

// One documented configuration key (the README's reference lists the same).
struct ConfigKeyInfo {
  std::string key;          // dotted, e.g. "server.port"
  std::string type;         // "string", "integer", "list of strings"
  std::string description;
};
const std::vector<ConfigKeyInfo>& ConfigKeys();

// Parses and validates JSON text. On error the Status message reads
// "<key>: <problem>" (or "<problem>" for errors not tied to one key).
StatusOr<Config> ParseConfig(const std::string& json_text);

// Reads and parses a file; relative paths inside are resolved against the
// file's folder. Errors are prefixed with the file name.
StatusOr<Config> LoadConfig(const std::string& path);

}  // namespace mentorbot
