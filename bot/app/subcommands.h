// The subcommands main dispatches to. Each returns the process exit status.
#pragma once

#include "bot/app/config.h"
#include "bot/app/secrets.h"

namespace mentorbot {

// Runs the webhook server until SIGINT or SIGTERM.
int RunServe(const Config& config, const Secrets& secrets);
// Reads commands from stdin as `user` (see ParseConsoleUser), prints replies.
int RunChat(const Config& config, const Secrets& secrets, const std::string& user);

}  // namespace mentorbot
