// Writing what a directory read says into the org chart (the roster) and the
// participants' profiles, field by field: the directory wins over a CSV
// import for manager, department and job title; a person's own `profile set`
// wins over both for time zone and location; a CSV fills what the directory
// lacks (level, a department the directory leaves empty). Bad data never
// aborts: a user listed twice (the last wins, as in Graph delta answers), a
// duplicate email (the first keeps it), a manager the directory does not
// list, a manager loop — each is reported once with the person's id and
// the rest is written. Only rows that changed are written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bot/core/directory_source.h"
#include "bot/core/store.h"

namespace mentorbot {

struct DirectoryChanges {
  int people_read = 0;       // people (not apps) in the read
  int added = 0;             // new to the org chart
  int changed = 0;           // already there, something changed
  int deactivated = 0;       // disabled, deleted, or (full read) no longer listed
  int managers_changed = 0;  // of people already there
  int profiles_updated = 0;  // participants whose profile changed
  std::vector<DirectoryProblem> problems;  // the read's and the merge's
  std::vector<std::int64_t> departed;      // active participants the directory no longer has
};

// REQUIRES: runs inside a write transaction. `source` is the directory's
// name ("graph", "slack").
DirectoryChanges MergeDirectoryRead(StoreTransaction& store, const std::string& source, const DirectoryRead& read,
                                    TimePoint now);

}  // namespace mentorbot
