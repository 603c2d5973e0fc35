// The subcommands main dispatches to. Each returns the process exit status.
#pragma once

#include "bot/app/config.h"
#include "bot/app/secrets.h"

namespace mentorbot {

// Runs the webhook server until SIGINT or SIGTERM.
int RunServe(const Config& config, const Secrets& secrets);
// Reads commands from stdin as `user` (see ParseConsoleUser), prints replies.
int RunChat(const Config& config, const Secrets& secrets, const std::string& user);
// Runs the scheduler once as of `as_of` (ISO 8601, empty = now), then
// delivers what is due; with dry_run only lists what would be queued.
int RunTick(const Config& config, const Secrets& secrets, const std::string& as_of, bool dry_run);

// Imports the roster CSV `file` (see ParseRoster); `workspace` is
// "slack:TEAM" / "teams:TENANT" or empty.
int RunRosterImport(const Config& config, const Secrets& secrets, const std::string& file, bool skip_bad,
                    const std::string& workspace);
// A full directory sync now, printing progress and one summary line per
// directory; `workspace` (a team or tenant id) limits it to that one. Exit 1
// when a directory could not be read (nothing of it was changed).
int RunDirectorySync(const Config& config, const Secrets& secrets, const std::string& workspace);
// Proposes (and with apply, creates) the optimal pairs; prints them as text or JSON.
int RunMatch(const Config& config, const Secrets& secrets, bool json, bool apply);

// Writes people.csv, pairs.csv, sessions.csv, feedback.csv and pulse.csv to
// out_dir (created if needed): no backgrounds, agendas, takeaways or comments.
int RunExport(const Config& config, const Secrets& secrets, const std::string& out_dir);
// Copies the database to out_file with SQLite's online backup, the bot running or not.
int RunBackup(const Config& config, const std::string& out_file);

}  // namespace mentorbot
