// The program's data for analysis, as CSV files: people without their
// self-described background, pairs, sessions with dates and states (whether
// an agenda or takeaways were written, never their text), feedback ratings
// without comments, pulse answers. The same files for `mentorbot export`
// and an admin's `admin export`.
#pragma once

#include <string>
#include <vector>

#include "bot/core/store.h"

namespace mentorbot {

struct ExportFile {
  std::string name;     // "people.csv"
  std::string content;  // CSV with a header row
  int rows = 0;         // data rows, without the header
};

// Reads everything in the caller's transaction.
std::vector<ExportFile> BuildProgramExport(StoreTransaction& store);

}  // namespace mentorbot
