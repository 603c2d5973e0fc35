// The command line: subcommands and their options. Pure parsing; main acts.
#pragma once

#include <string>
#include <vector>

#include "bot/core/status_or.h"

namespace mentorbot {

struct CommandLine {
  enum class Action { kServe, kChat, kTick, kRosterImport, kDirectorySync, kMatch, kExport, kBackup, kHelp, kVersion };
  Action action = Action::kServe;
  std::string config_path = "config.json";
  std::string chat_user;  // chat --as
  std::string as_of;      // tick --as-of (ISO 8601); empty = now
  bool dry_run = false;   // tick --dry-run
  std::string roster_file;  // roster import FILE
  bool skip_bad = false;    // roster import --skip-bad
  std::string workspace;    // roster import --workspace slack:T123 | teams:TENANT (for bare user ids);
                            // directory sync --workspace T123 | TENANT (that directory only)
  bool json = false;        // match --json
  bool apply = false;       // match --apply
  std::string out;          // export --out DIR, backup --out FILE
};

// argv without the program name. InvalidArgument says what is wrong.
StatusOr<CommandLine> ParseCommandLine(const std::vector<std::string>& args);

std::string UsageText();

}  // namespace mentorbot
