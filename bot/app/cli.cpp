#include "bot/app/cli.h"

namespace mentorbot {

std::string UsageText() {
  return "mentorbot: the reverse-mentoring program coordinator for Slack and Microsoft Teams\n"
         "\n"
         "usage:\n"
         "  mentorbot [serve] [--config FILE]        run the bot's webhook server (default)\n"
         "  mentorbot chat --as USER [--config FILE] type commands as USER on stdin, read replies\n"
         "  mentorbot tick [--as-of TIME] [--dry-run] [--config FILE]\n"
         "                                           queue (and send) what the scheduler owes once, e.g. from\n"
         "                                           cron; --dry-run lists it instead; TIME is ISO 8601\n"
         "  mentorbot roster import FILE [--skip-bad] [--workspace WS] [--config FILE]\n"
         "                                           import the org chart and profiles from a CSV file; with\n"
         "                                           bad rows nothing is imported unless --skip-bad; WS\n"
         "                                           (slack:TEAM_ID or teams:TENANT_ID) is where bare user ids live\n"
         "  mentorbot directory sync [--workspace WS] [--config FILE]\n"
         "                                           a full sync of people, managers and time zones from the\n"
         "                                           configured directories (Graph, Slack) now, with a summary;\n"
         "                                           WS (a Slack team or Entra tenant id) syncs that one only\n"
         "  mentorbot match [--json] [--apply] [--config FILE]\n"
         "                                           the optimal pairs for everyone unpaired; --apply creates\n"
         "                                           them and sends the kickoffs; --json prints them as JSON\n"
         "  mentorbot export --out DIR [--config FILE]\n"
         "                                           the program's data as CSV files for analysis (no\n"
         "                                           backgrounds, agendas, takeaways or comments)\n"
         "  mentorbot backup --out FILE [--config FILE]\n"
         "                                           a consistent copy of the database, also while the bot runs\n"
         "  mentorbot --help | --version\n"
         "\n"
         "USER is a name (console:local:NAME) or a user key such as slack:T0001:U0001.\n"
         "FILE defaults to config.json. Secrets come from the environment: SLACK_SIGNING_SECRET,\n"
         "SLACK_BOT_TOKEN, TEAMS_APP_ID, TEAMS_APP_PASSWORD.\n"
         "Exit status: 0 done, 1 could not run (e.g. port in use) or a roster with bad rows was not imported,\n"
         "2 bad command line or config.\n";
}

StatusOr<CommandLine> ParseCommandLine(const std::vector<std::string>& args) {
  CommandLine line;
  std::size_t i = 0;
  if (i < args.size() && !args[i].empty() && args[i][0] != '-') {
    if (args[i] == "serve") {
      line.action = CommandLine::Action::kServe;
    } else if (args[i] == "chat") {
      line.action = CommandLine::Action::kChat;
    } else if (args[i] == "tick") {
      line.action = CommandLine::Action::kTick;
    } else if (args[i] == "export") {
      line.action = CommandLine::Action::kExport;
    } else if (args[i] == "backup") {
      line.action = CommandLine::Action::kBackup;
    } else if (args[i] == "match") {
      line.action = CommandLine::Action::kMatch;
    } else if (args[i] == "directory") {
      if (i + 1 >= args.size() || args[i + 1] != "sync") return Status::InvalidArgument("directory needs: sync");
      line.action = CommandLine::Action::kDirectorySync;
      ++i;
    } else if (args[i] == "roster") {
      if (i + 1 >= args.size() || args[i + 1] != "import") return Status::InvalidArgument("roster needs: import FILE");
      if (i + 2 >= args.size() || args[i + 2].empty() || args[i + 2][0] == '-') {
        return Status::InvalidArgument("roster import needs the CSV FILE");
      }
      line.action = CommandLine::Action::kRosterImport;
      line.roster_file = args[i + 2];
      i += 2;
    } else {
      return Status::InvalidArgument("unknown subcommand '" + args[i] + "'");
    }
    ++i;
  }
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* option) -> StatusOr<std::string> {
      if (i + 1 >= args.size()) return Status::InvalidArgument(std::string(option) + " needs a value");
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      line.action = CommandLine::Action::kHelp;
      return line;
    } else if (arg == "--version") {
      line.action = CommandLine::Action::kVersion;
      return line;
    } else if (arg == "--config") {
      auto path = value("--config");
      if (!path.ok()) return path.status();
      line.config_path = *path;
    } else if (arg == "--as" && line.action == CommandLine::Action::kChat) {
      auto user = value("--as");
      if (!user.ok()) return user.status();
      line.chat_user = *user;
    } else if (arg == "--as-of" && line.action == CommandLine::Action::kTick) {
      auto when = value("--as-of");
      if (!when.ok()) return when.status();
      line.as_of = *when;
    } else if (arg == "--dry-run" && line.action == CommandLine::Action::kTick) {
      line.dry_run = true;
    } else if (arg == "--skip-bad" && line.action == CommandLine::Action::kRosterImport) {
      line.skip_bad = true;
    } else if (arg == "--workspace" &&
               (line.action == CommandLine::Action::kRosterImport || line.action == CommandLine::Action::kDirectorySync)) {
      auto workspace = value("--workspace");
      if (!workspace.ok()) return workspace.status();
      line.workspace = *workspace;
    } else if (arg == "--out" && (line.action == CommandLine::Action::kExport || line.action == CommandLine::Action::kBackup)) {
      auto out = value("--out");
      if (!out.ok()) return out.status();
      line.out = *out;
    } else if (arg == "--json" && line.action == CommandLine::Action::kMatch) {
      line.json = true;
    } else if (arg == "--apply" && line.action == CommandLine::Action::kMatch) {
      line.apply = true;
    } else {
      return Status::InvalidArgument("unknown option '" + arg + "'");
    }
  }
  if ((line.action == CommandLine::Action::kExport || line.action == CommandLine::Action::kBackup) && line.out.empty()) {
    return Status::InvalidArgument(std::string(line.action == CommandLine::Action::kExport ? "export" : "backup") +
                                   " needs --out");
  }
  if (line.action == CommandLine::Action::kChat && line.chat_user.empty()) {
    return Status::InvalidArgument("chat needs --as USER");
  }
  return line;
}

}  // namespace mentorbot
