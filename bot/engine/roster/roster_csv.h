// bot/engine/roster/ — the organisation as imported: the roster CSV (reader,
// header, rows, who is who across rows), the org chart index, and the
// leadership-chain rule with the manager lookup it runs on.
// May use: program.
//
// The roster an admin imports: the org chart and profile data, from CSV.
// Parsing and validation only (pure): every bad row is reported with its
// line number and why; the caller decides whether anything is imported.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/core/address.h"
#include "bot/core/person.h"

namespace mentorbot {

struct RosterRow {
  int line = 0;            // where the row starts in the file; the header is line 1
  std::string key;         // a user key ("slack:T1:U1") or "email:<lower-case address>"
  std::string email;       // lower case; may be empty
  std::string name;
  std::string department;
  std::optional<int> level;
  std::string manager;     // the manager's key (as `key`); empty = none or unknown
  std::string location;
  std::string time_zone;   // IANA name; empty = the program default
  std::optional<Role> role;  // nullopt: "none", in the org chart only
  int capacity = 1;        // mentors: how many mentees at once
  bool capacity_given = false;  // the file said it (else a re-import keeps the stored one)
  std::string background;  // self-described, optional; used for matching only
};

struct RosterProblem {
  int line = 0;
  std::string reason;
};

struct ParsedRoster {
  std::vector<RosterRow> rows;          // the good rows, in file order
  std::vector<RosterProblem> problems;  // by line; empty when every row is good
};

struct RosterOptions {
  // Bare user ids ("U123", an AAD object id, "<@U123>") are taken in this
  // person's workspace (the importing admin's). Without it, ids must be full
  // user keys ("slack:T1:U123").
  std::optional<UserRef> workspace_of;
  int max_capacity = 5;
  std::size_t max_rows = 50000;
};

// RFC 4180 CSV (quoted fields with commas, quotes and line breaks; CRLF or LF;
// a UTF-8 byte order mark) with a header row naming the columns in any order,
// case-insensitively: id, email, name, department, level, manager, location,
// time zone, role, capacity, background (and common aliases). A row needs an
// id or an email; a mentor or mentee needs an id (an email alone cannot be
// messaged). The manager is named by a row's id or email, or a user key.
ParsedRoster ParseRoster(std::string_view csv, const RosterOptions& options);

}  // namespace mentorbot
