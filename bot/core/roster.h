// RosterEntry: one person of the org chart an admin imported, participant or
// not, so the leadership-chain rule also sees managers who never enrol. Keyed
// by user key ("slack:T1:U1") or, for people known only by address,
// "email:<address>". Value type.
#pragma once

#include <optional>
#include <string>

#include "bot/core/clock.h"
#include "bot/core/person.h"

namespace mentorbot {

inline constexpr std::string_view kEmailKeyPrefix = "email:";

struct RosterEntry {
  std::string key;
  std::string email;  // lower case; may be empty
  std::string name;
  std::string department;
  std::optional<int> level;
  std::string manager;  // the manager's key; empty = none or unknown
  std::string location;
  std::string time_zone;
  std::optional<Role> role;  // nullopt: in the org chart only
  int capacity = 1;          // mentors: mentees at once
  TimePoint imported_at{};
  // Set by a directory sync: the directory that lists this person ("graph",
  // "slack"; "" = only a CSV import), whether it still lists them as an
  // active account, and their job title there.
  std::string source;
  bool active = true;
  std::string job_title;
};

// A roster file as uploaded, kept until it is imported.
struct RosterUpload {
  std::string file_name;
  std::string content;
  TimePoint uploaded_at{};
};

}  // namespace mentorbot
