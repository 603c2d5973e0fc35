// mentorbot's entry point: parse the command line, load the config (exit 2
// naming the bad key), set up logging, run the subcommand.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "bot/app/calendar_wiring.h"
#include "bot/app/directory_wiring.h"
#include "bot/app/cli.h"
#include "bot/app/config.h"
#include "bot/app/subcommands.h"

#ifndef MENTORBOT_VERSION
#define MENTORBOT_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  using namespace mentorbot;
  auto line = ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
  if (!line.ok()) {
    std::cerr << "mentorbot: " << line.status().message() << "\n\n" << UsageText();
    return 2;
  }
  if (line->action == CommandLine::Action::kHelp) {
    std::cout << UsageText();
    return 0;
  }
  if (line->action == CommandLine::Action::kVersion) {
    std::cout << "mentorbot " << MENTORBOT_VERSION << "\n";
    return 0;
  }
  auto config = LoadConfig(line->config_path);
  if (!config.ok()) {
    std::cerr << "mentorbot: bad config: " << config.status().message() << "\n";
    return 2;
  }
  const Secrets secrets = SecretsFromEnvironment();
  if (config->teams_allow_unauthenticated && !secrets.teams_app_id.empty()) {
    std::cerr << "mentorbot: bad config: " << line->config_path
              << ": teams.allow_unauthenticated: must be false while TEAMS_APP_ID is set\n";
    return 2;
  }
  // Every subcommand but backup builds the calendar services: a missing
  // secret is the operator's config to fix, not a failure to start.
  if (line->action != CommandLine::Action::kBackup) {
    if (const Status calendar = CheckCalendarCredentials(*config, secrets); !calendar.ok()) {
      std::cerr << "mentorbot: bad config: " << line->config_path << ": " << calendar.message() << "\n";
      return 2;
    }
    if (const Status directory = CheckDirectoryCredentials(*config, secrets); !directory.ok()) {
      std::cerr << "mentorbot: bad config: " << line->config_path << ": " << directory.message() << "\n";
      return 2;
    }
  }
  // Logs go to stderr; stdout carries the console adapter's replies.
  spdlog::set_default_logger(spdlog::stderr_color_mt("mentorbot"));
  spdlog::set_level(spdlog::level::from_str(config->log_level));
  if (line->action == CommandLine::Action::kTick) {
    return RunTick(*config, secrets, line->as_of, line->dry_run);
  }
  if (line->action == CommandLine::Action::kRosterImport) {
    return RunRosterImport(*config, secrets, line->roster_file, line->skip_bad, line->workspace);
  }
  if (line->action == CommandLine::Action::kDirectorySync) return RunDirectorySync(*config, secrets, line->workspace);
  if (line->action == CommandLine::Action::kMatch) return RunMatch(*config, secrets, line->json, line->apply);
  if (line->action == CommandLine::Action::kExport) return RunExport(*config, secrets, line->out);
  if (line->action == CommandLine::Action::kBackup) return RunBackup(*config, line->out);
  if (line->action == CommandLine::Action::kChat) {
    if (config->log_level == "info") spdlog::set_level(spdlog::level::warn);  // keep the conversation readable
    return RunChat(*config, secrets, line->chat_user);
  }
  return RunServe(*config, secrets);
}
