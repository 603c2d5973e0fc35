#include "bot/engine/reporting/csv_writer.h"

namespace mentorbot {

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    const std::string& field = fields[i];
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    const bool formula = !field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' || field[0] == '@');
    if (field.find_first_of(",\"\r\n") == std::string::npos && !formula) {
      row += field;
      continue;
    }
    row += '"';
    if (formula) row += '\'';
    for (char c : field) row += c == '"' ? std::string("\"\"") : std::string(1, c);
    row += '"';
  }
  return row + "\r\n";
}

}  // namespace mentorbot
