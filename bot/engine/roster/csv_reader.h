// Reading RFC 4180 CSV one record at a time: quoted fields may hold commas,
// doubled quotes and line breaks; records end in CRLF, LF or a lone CR; a
// UTF-8 byte order mark at the start is skipped. Records are numbered by the
// physical line they start on, so a line break inside a quoted field counts.
// Not thread-safe; the text must outlive the reader.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mentorbot {

struct CsvRecord {
  int line = 0;  // the line the record starts on; the first line is 1
  std::vector<std::string> fields;  // as written, untrimmed; a blank line is one empty field
};

struct CsvError {
  int line = 0;
  std::string reason;
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text);

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `record` (reusing its storage). Returns false
  // at the end of the text, or when a quoted field is never closed: then
  // error() says on which line it opened and nothing more can be read.
  bool Next(CsvRecord& record);
  const std::optional<CsvError>& error() const { return error_; }

 private:
  // Appends the quoted field at pos_ (on its opening quote) to `field`.
  bool ReadQuoted(std::string& field);
  void CountLineBreaks(std::string_view text);

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::optional<CsvError> error_;
};

}  // namespace mentorbot
