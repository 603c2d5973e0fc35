// DirectorySources: the company directories the config asks for (Microsoft
// Graph users, Slack members), each on the directory sync's own HTTP
// connection (a full read may take minutes and must not hold up chat
// messages), and the DirectorySync that runs them. Owns them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/common/client_credentials_tokens.h"
#include "adapters/common/http_client.h"
#include "adapters/graph/graph_directory.h"
#include "adapters/slack/slack_directory.h"
#include "bot/app/config.h"
#include "bot/app/secrets.h"
#include "bot/core/clock.h"
#include "bot/engine/directory/directory_sync.h"

namespace mentorbot {

struct DirectorySources {
  std::unique_ptr<HttpClient> http;
  std::unique_ptr<ClientCredentialsTokens> graph_tokens;
  std::unique_ptr<GraphDirectory> graph;
  std::unique_ptr<SlackDirectory> slack;
  std::vector<DirectorySource*> all;
};

// "graph" and/or "slack", as the config asks.
std::vector<std::string> DirectorySourceNames(const Config& config);

// A config error (exit 2) naming the variable when a directory lacks its
// secret: GRAPH_CLIENT_SECRET for Graph, SLACK_BOT_TOKEN for Slack.
Status CheckDirectoryCredentials(const Config& config, const Secrets& secrets);

// REQUIRES: clock outlives the result.
StatusOr<std::unique_ptr<DirectorySources>> CreateDirectorySources(const Config& config, const Secrets& secrets,
                                                                   const Clock& clock);

DirectorySchedule DirectoryScheduleOf(const Config& config);

}  // namespace mentorbot
