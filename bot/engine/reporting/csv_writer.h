// Writing CSV (RFC 4180): fields with commas, quotes or line breaks are
// quoted, quotes doubled; rows end with CRLF as spreadsheets expect.
#pragma once

#include <string>
#include <vector>

namespace mentorbot {

std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace mentorbot
