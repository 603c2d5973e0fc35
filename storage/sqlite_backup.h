// A consistent copy of the bot's database while it runs, through SQLite's
// online backup API: pages are copied in steps, so writers are never blocked
// for long, and a write during the copy restarts it from a fresh snapshot.
// The copy is written beside `out_path` and renamed into place, so
// `out_path` is either the old file or a complete backup, never half of one.
#pragma once

#include <string>

#include "bot/core/status.h"

namespace mentorbot {

// REQUIRES: source_path is a mentorbot database (only read, never changed).
Status BackupDatabase(const std::string& source_path, const std::string& out_path);

}  // namespace mentorbot
