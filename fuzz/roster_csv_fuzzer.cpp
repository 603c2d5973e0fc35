// A roster CSV (bot/engine/csv_reader.h, roster_csv.h): every record read,
// then the whole roster parsed as imported from Slack, from Teams, and
// without a workspace.
#include <string>

#include "bot/engine/roster/csv_reader.h"
#include "bot/engine/roster/roster_csv.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mentorbot;
  const std::string_view csv = fuzz::Text(data, size);

  CsvReader reader(csv);
  CsvRecord record;
  int last_line = 0;
  while (reader.Next(record)) {
    fuzz::Require(record.line > last_line, "records start on increasing lines");
    last_line = record.line;
  }

  RosterOptions options;
  options.max_rows = 64;
  for (const std::optional<UserRef>& workspace :
       {std::optional<UserRef>(), std::optional<UserRef>(UserRef{Platform::kSlack, "T1", "UADMIN"}),
        std::optional<UserRef>(UserRef{Platform::kTeams, "7f3c2b1a-0000-4000-8000-00000000aaaa", "admin"})}) {
    options.workspace_of = workspace;
    const ParsedRoster roster = ParseRoster(csv, options);
    fuzz::Require(roster.rows.size() <= options.max_rows, "at most max_rows rows");
    for (const RosterRow& row : roster.rows) {
      fuzz::Require(!row.key.empty(), "every good row has a key");
      fuzz::Require(row.capacity >= 1 && row.capacity <= options.max_capacity, "capacity is in range");
    }
  }
  return 0;
}
