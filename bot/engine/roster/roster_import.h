// Importing a parsed roster into the store: the org chart for everyone, and
// enrolment (role, profile, capacity) for the mentors and mentees it names.
// Re-importing updates by key, never duplicates. All or nothing: when any row
// is bad (in the file, or against the program, e.g. a role change for someone
// in a pair) nothing is written unless skip_bad is set.
#pragma once

#include <string>
#include <vector>

#include "bot/core/message.h"
#include "bot/core/store.h"
#include "bot/engine/roster/roster_csv.h"

namespace mentorbot {

struct RosterImport {
  bool imported = false;
  int rows = 0;          // good rows written
  int enrolled = 0;      // new participants
  int updated = 0;       // participants already enrolled, profile updated
  int org_chart = 0;     // rows with role none
  int stayed_out = 0;    // participants who had left the program: profile updated, not re-enrolled
  std::vector<RosterProblem> problems;  // by line
};

// REQUIRES: runs inside a write transaction.
RosterImport ImportRoster(StoreTransaction& store, ParsedRoster parsed, bool skip_bad, TimePoint now);

// What happened, for the admin: the counts, then each bad row (at most
// `max_problems`, then how many more).
Message RosterImportMessage(const RosterImport& result, const std::string& file_name, std::size_t max_problems);

}  // namespace mentorbot
