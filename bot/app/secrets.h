// Secrets: credentials read from the environment only, never from files in
// the repository, never logged. Value type; do not print it.
#pragma once

#include <string>

namespace mentorbot {

struct Secrets {
  std::string slack_signing_secret;  // SLACK_SIGNING_SECRET
  std::string slack_bot_token;       // SLACK_BOT_TOKEN
  std::string teams_app_id;          // TEAMS_APP_ID (the Azure bot's Microsoft App ID)
  std::string teams_app_password;    // TEAMS_APP_PASSWORD (its client secret)
  std::string metrics_token;         // METRICS_TOKEN (GET /metrics wants it as a bearer token when set)
  std::string graph_client_secret;   // GRAPH_CLIENT_SECRET (the Entra app's secret, for the graph calendar)
  std::string google_key_file;       // GOOGLE_SERVICE_ACCOUNT_KEY_FILE (a path; when calendar.google_key_file is empty)
};

Secrets SecretsFromEnvironment();

}  // namespace mentorbot
