#include "bot/app/config.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "bot/core/address.h"
#include "bot/engine/time/time_zone.h"

namespace mentorbot {

namespace {
using nlohmann::json;
using Setter = std::function<std::string(const json&, Config&)>;  // "" = accepted, else the problem

struct KeySpec {
  ConfigKeyInfo info;
  Setter set;
};

std::string Describe(const json& value) {
  std::string text = value.dump();
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

Setter String(std::string Config::*field, std::function<std::string(const std::string&)> check = nullptr) {
  return [field, check](const json& value, Config& config) -> std::string {
    if (!value.is_string()) return "must be a string (got " + Describe(value) + ")";
    const std::string text = value.get<std::string>();
    if (check) {
      if (std::string problem = check(text); !problem.empty()) return problem;
    }
    config.*field = text;
    return "";
  };
}

Setter Integer(int Config::*field, long long min, long long max) {
  return [=](const json& value, Config& config) -> std::string {
    const std::string range = "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
    if (!value.is_number_integer()) return range + " (got " + Describe(value) + ")";
    const long long number = value.get<long long>();
    if (number < min || number > max) return range + " (got " + std::to_string(number) + ")";
    config.*field = static_cast<int>(number);
    return "";
  };
}

Setter Boolean(bool Config::*field) {
  return [field](const json& value, Config& config) -> std::string {
    if (!value.is_boolean()) return "must be true or false (got " + Describe(value) + ")";
    config.*field = value.get<bool>();
    return "";
  };
}

std::string NonEmpty(const std::string& text) { return text.empty() ? "must not be empty" : ""; }

std::string HttpUrl(const std::string& text) {
  if (text.rfind("https://", 0) != 0 && text.rfind("http://", 0) != 0) {
    return "must be an http:// or https:// URL (got \"" + text + "\")";
  }
  return "";
}

std::string SlashCommand(const std::string& text) {
  if (text.size() < 2 || text.front() != '/' || text.find(' ') != std::string::npos) {
    return "must be a slash command such as \"/mentor\" (got \"" + text + "\")";
  }
  return "";
}

// Slack's custom profile field ids are "Xf" then upper-case letters and digits.
std::string SlackFieldId(const std::string& text) {
  if (text.empty()) return "";
  if (text.size() < 3 || text.rfind("Xf", 0) != 0 ||
      text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 2) != std::string::npos) {
    return "must be a Slack profile field id such as \"Xf0123ABCD\" (got \"" + text + "\")";
  }
  return "";
}

std::string LogLevel(const std::string& text) {
  for (const char* level : {"trace", "debug", "info", "warn", "error", "off"}) {
    if (text == level) return "";
  }
  return "must be one of trace, debug, info, warn, error, off (got \"" + text + "\")";
}

std::string TimeZoneName(const std::string& text) {
  return CanonicalTimeZone(text) ? "" : "must be an IANA time zone such as \"Europe/Berlin\" (got \"" + text + "\")";
}

std::string SetAdmins(const json& value, Config& config) {
  if (!value.is_array()) return "must be a list of user keys such as \"slack:T0001:U0001\"";
  std::vector<std::string> admins;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const json& item = value[i];
    if (!item.is_string() || !UserRef::Parse(item.get<std::string>())) {
      return "item " + std::to_string(i) + " must be a user key \"slack:<team_id>:<user_id>\", "
             "\"teams:<tenant_id>:<aad_object_id>\" or \"console:local:<name>\" (got " + Describe(item) + ")";
    }
    admins.push_back(item.get<std::string>());
  }
  config.program_admins = std::move(admins);
  return "";
}

std::string SetServiceUrlAllowlist(const json& value, Config& config) {
  if (!value.is_array()) return "must be a list of URL prefixes such as \"https://smba.trafficmanager.net/\"";
  std::vector<std::string> prefixes;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const json& item = value[i];
    const std::string text = item.is_string() ? item.get<std::string>() : "";
    // The trailing "/" ends the host, so a prefix never admits a look-alike host.
    const std::size_t scheme = text.rfind("https://", 0) == 0 ? 8 : text.rfind("http://", 0) == 0 ? 7 : 0;
    if (scheme == 0 || text.size() <= scheme || text.back() != '/' || text.find('/', scheme) == std::string::npos ||
        text.find('/', scheme) == scheme) {
      return "item " + std::to_string(i) + " must be an http(s) URL prefix ending with \"/\" (got " + Describe(item) + ")";
    }
    prefixes.push_back(text);
  }
  config.teams_service_url_allowlist = std::move(prefixes);
  return "";
}

std::string CalendarProvider(const std::string& text) {
  if (text == "ics" || text == "graph" || text == "google") return "";
  return "must be one of ics, graph, google (got \"" + text + "\")";
}

std::string SetCalendarWorkspaces(const json& value, Config& config) {
  if (!value.is_object()) return "must be an object of workspace or tenant id to provider, e.g. {\"T0001\": \"google\"}";
  std::map<std::string, std::string> providers;
  for (const auto& [workspace, provider] : value.items()) {
    const std::string name = provider.is_string() ? provider.get<std::string>() : provider.dump();
    if (std::string problem = CalendarProvider(name); workspace.empty() || !problem.empty()) {
      return "\"" + workspace + "\" " + (workspace.empty() ? std::string("is not a workspace id") : problem);
    }
    providers[workspace] = name;
  }
  config.calendar_workspaces = std::move(providers);
  return "";
}

const std::vector<KeySpec>& Specs() {
  static const std::vector<KeySpec> specs = {
      {{"server.host", "string", "Address the webhook server listens on. Keep 127.0.0.1 behind a reverse proxy."},
       String(&Config::server_host, NonEmpty)},
      {{"server.port", "integer", "TCP port of the webhook server, 0 to 65535; 0 picks a free port and logs it."},
       Integer(&Config::server_port, 0, 65535)},
      {{"server.threads", "integer", "Worker threads, 1 to 256. Each open keep-alive connection holds one."},
       Integer(&Config::server_threads, 1, 256)},
      {{"server.active_requests", "integer",
        "Requests handled at once, 0 to 256; more wait their turn in arrival order. 0 = eight per CPU core."},
       Integer(&Config::server_active_requests, 0, 256)},
      {{"server.max_body_bytes", "integer", "Largest request body accepted, 1024 to 10485760; larger gets 413."},
       Integer(&Config::server_max_body_bytes, 1024, 10 * 1024 * 1024)},
      {{"database.path", "string", "SQLite database file, created if missing; relative to the config file."},
       String(&Config::database_path, NonEmpty)},
      {{"database.max_size_mb", "integer",
        "Most the database file may grow to, in MiB, 0 to 1048576; 0 = no limit. When full, commands are answered "
        "\"try again later\" and /readyz is 503."},
       Integer(&Config::database_max_size_mb, 0, 1048576)},
      {{"slack.api_base_url", "string", "Base URL of the Slack Web API. Tests point it at a loopback fake."},
       String(&Config::slack_api_base_url, HttpUrl)},
      {{"slack.command", "string", "The slash command registered in the Slack app."},
       String(&Config::slack_command, SlashCommand)},
      {{"log.level", "string", "trace, debug, info, warn, error or off."}, String(&Config::log_level, LogLevel)},
      {{"outbox.max_attempts", "integer", "Delivery attempts before a message is marked failed, 1 to 100."},
       Integer(&Config::outbox_max_attempts, 1, 100)},
      {{"outbox.first_backoff_seconds", "integer", "Wait before the first retry, 1 to 3600; doubles each time."},
       Integer(&Config::outbox_first_backoff_seconds, 1, 3600)},
      {{"outbox.max_backoff_seconds", "integer", "Longest wait between retries, 1 to 86400."},
       Integer(&Config::outbox_max_backoff_seconds, 1, 86400)},
      {{"outbox.lease_seconds", "integer", "How long a claimed message is kept from other workers, 2 to 3600."},
       Integer(&Config::outbox_lease_seconds, 2, 3600)},
      {{"scheduler.enabled", "boolean", "Run the scheduler inside serve; false when cron runs `mentorbot tick`."},
       Boolean(&Config::scheduler_enabled)},
      {{"program.admins", "list of strings", "The first admins, as user keys \"slack:<team_id>:<user_id>\"."},
       SetAdmins},
      {{"program.default_time_zone", "string", "IANA time zone for people who have not set theirs."},
       String(&Config::program_default_time_zone, TimeZoneName)},
      {{"teams.openid_metadata_url", "string", "Bot Framework OpenID metadata; its jwks_uri has the token keys."},
       String(&Config::teams_openid_metadata_url, HttpUrl)},
      {{"teams.token_url", "string", "OAuth token endpoint for the bot's client-credentials grant."},
       String(&Config::teams_token_url, HttpUrl)},
      {{"teams.service_url_allowlist", "list of strings",
        "URL prefixes (ending in \"/\") of the Bot Framework service urls the bot accepts and calls."},
       SetServiceUrlAllowlist},
      {{"teams.allow_unauthenticated", "boolean",
        "Local development without Azure: accept unsigned activities from loopback; only without TEAMS_APP_ID."},
       Boolean(&Config::teams_allow_unauthenticated)},
      {{"metrics.enabled", "boolean",
        "Serve GET /metrics in the Prometheus text format; behind METRICS_TOKEN when that is set."},
       Boolean(&Config::metrics_enabled)},
      {{"calendar.provider", "string",
        "How confirmed sessions reach calendars: ics (an invitation file in chat), graph (Microsoft 365) or google."},
       String(&Config::calendar_provider, CalendarProvider)},
      {{"calendar.workspaces", "object",
        "A provider per Slack workspace or Teams tenant id, e.g. {\"T0001\": \"google\"}; others use calendar.provider."},
       SetCalendarWorkspaces},
      {{"calendar.graph_tenant_id", "string", "Microsoft Entra tenant id of the app registration (graph)."},
       String(&Config::calendar_graph_tenant_id)},
      {{"calendar.graph_client_id", "string",
        "Application (client) id of the app registration (graph); its secret comes from GRAPH_CLIENT_SECRET."},
       String(&Config::calendar_graph_client_id)},
      {{"calendar.graph_api_base_url", "string", "Base URL of Microsoft Graph. Tests point it at a loopback fake."},
       String(&Config::calendar_graph_api_base_url, HttpUrl)},
      {{"calendar.graph_login_base_url", "string", "Base URL of the Microsoft identity platform's token endpoint."},
       String(&Config::calendar_graph_login_base_url, HttpUrl)},
      {{"calendar.google_key_file", "string",
        "Path of the Google service account's JSON key (google); else GOOGLE_SERVICE_ACCOUNT_KEY_FILE. Keep it "
        "outside the repository."},
       String(&Config::calendar_google_key_file)},
      {{"calendar.google_api_base_url", "string", "Base URL of the Google Calendar API. Tests point it at a fake."},
       String(&Config::calendar_google_api_base_url, HttpUrl)},
      {{"calendar.google_token_url", "string", "Google's OAuth token endpoint; empty = the key file's token_uri."},
       String(&Config::calendar_google_token_url, [](const std::string& text) {
         return text.empty() ? std::string() : HttpUrl(text);
       })},
      {{"calendar.max_attempts", "integer",
        "Tries of a calendar change before both people are told it is not in their calendar, 1 to 100."},
       Integer(&Config::calendar_max_attempts, 1, 100)},
      {{"directory.graph_tenant_id", "string",
        "Sync people from this Microsoft Entra tenant (User.Read.All, optionally MailboxSettings.Read); empty = no."},
       String(&Config::directory_graph_tenant_id)},
      {{"directory.graph_client_id", "string", "Application (client) id for the Graph directory; its secret: GRAPH_CLIENT_SECRET."},
       String(&Config::directory_graph_client_id)},
      {{"directory.slack", "boolean", "Sync the Slack workspace's members (users:read, users:read.email, users.profile:read)."},
       Boolean(&Config::directory_slack)},
      {{"directory.slack_manager_field", "string",
        "Id of the Slack custom profile field (type user) naming each person's manager, e.g. Xf0123ABCD; empty = none."},
       String(&Config::directory_slack_manager_field, SlackFieldId)},
      {{"directory.full_sync_hours", "integer", "Hours between full directory syncs, 1 to 720 (one also runs at start)."},
       Integer(&Config::directory_full_sync_hours, 1, 720)},
      {{"directory.incremental_sync_minutes", "integer",
        "Minutes between incremental syncs (Graph changes, Slack manager fields), 5 to 1440."},
       Integer(&Config::directory_incremental_sync_minutes, 5, 1440)},
      {{"directory.slack_page_pause_ms", "integer", "Pause between users.list pages, 0 to 60000 (Tier 2 pace: 3000)."},
       Integer(&Config::directory_slack_page_pause_ms, 0, 60000)},
  };
  return specs;
}

const KeySpec* FindSpec(const std::string& key) {
  for (const auto& spec : Specs()) {
    if (spec.info.key == key) return &spec;
  }
  return nullptr;
}

bool IsSection(const std::string& name) {
  const std::string prefix = name + ".";
  for (const auto& spec : Specs()) {
    if (spec.info.key.rfind(prefix, 0) == 0) return true;
  }
  return false;
}
}  // namespace

const std::vector<ConfigKeyInfo>& ConfigKeys() {
  static const std::vector<ConfigKeyInfo> keys = [] {
    std::vector<ConfigKeyInfo> out;
    for (const auto& spec : Specs()) out.push_back(spec.info);
    return out;
  }();
  return keys;
}

StatusOr<Config> ParseConfig(const std::string& json_text) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    return Status::InvalidArgument(std::string("not valid JSON: ") + e.what());
  }
  if (!root.is_object()) return Status::InvalidArgument("the top level must be a JSON object");
  Config config;
  for (const auto& [section, body] : root.items()) {
    if (!IsSection(section)) return Status::InvalidArgument(section + ": unknown key");
    if (!body.is_object()) return Status::InvalidArgument(section + ": must be an object");
    for (const auto& [name, value] : body.items()) {
      const std::string key = section + "." + name;
      const KeySpec* spec = FindSpec(key);
      if (spec == nullptr) return Status::InvalidArgument(key + ": unknown key");
      if (std::string problem = spec->set(value, config); !problem.empty()) {
        return Status::InvalidArgument(key + ": " + problem);
      }
    }
  }
  if (!config.directory_graph_tenant_id.empty() && config.directory_graph_client_id.empty()) {
    return Status::InvalidArgument("directory.graph_client_id: required when directory.graph_tenant_id is set");
  }
  if (config.UsesCalendar("graph")) {
    for (const auto& [key, value] : {std::pair{"calendar.graph_tenant_id", &config.calendar_graph_tenant_id},
                                     std::pair{"calendar.graph_client_id", &config.calendar_graph_client_id}}) {
      if (value->empty()) return Status::InvalidArgument(std::string(key) + ": required when a workspace uses graph");
    }
  }
  return config;
}

bool Config::UsesCalendar(const std::string& provider) const {
  if (calendar_provider == provider) return true;
  for (const auto& [workspace, name] : calendar_workspaces) {
    if (name == provider) return true;
  }
  return false;
}

StatusOr<Config> LoadConfig(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::InvalidArgument(path + ": cannot read the file");
  std::stringstream text;
  text << file.rdbuf();
  auto config = ParseConfig(text.str());
  if (!config.ok()) return Status::InvalidArgument(path + ": " + config.status().message());
  std::filesystem::path database(config->database_path);
  if (database.is_relative()) {
    config->database_path = (std::filesystem::path(path).parent_path() / database).lexically_normal().string();
  }
  std::filesystem::path key_file(config->calendar_google_key_file);
  if (!key_file.empty() && key_file.is_relative()) {
    config->calendar_google_key_file = (std::filesystem::path(path).parent_path() / key_file).lexically_normal().string();
  }
  return config;
}

}  // namespace mentorbot
