#include "bot/app/secrets.h"

#include <cstdlib>

namespace mentorbot {

namespace {
std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}
}  // namespace

Secrets SecretsFromEnvironment() {
  return Secrets{Env("SLACK_SIGNING_SECRET"), Env("SLACK_BOT_TOKEN"), Env("TEAMS_APP_ID"), Env("TEAMS_APP_PASSWORD"),
                 Env("METRICS_TOKEN"),        Env("GRAPH_CLIENT_SECRET"), Env("GOOGLE_SERVICE_ACCOUNT_KEY_FILE")};
}

}  // namespace mentorbot
