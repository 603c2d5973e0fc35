#include "bot/engine/roster/csv_reader.h"

namespace mentorbot {

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
}

bool CsvReader::Next(CsvRecord& record) {
  if (error_ || pos_ >= text_.size()) return false;
  record.line = line_;
  record.fields.clear();
  std::string field;
  while (true) {
    field.clear();
    if (pos_ < text_.size() && text_[pos_] == '"' && !ReadQuoted(field)) return false;
    // Text after a closing quote is kept as written rather than rejected:
    // spreadsheets write `"a" ,` and the value is trimmed later anyway.
    std::size_t end = text_.find_first_of(",\r\n", pos_);
    if (end == std::string_view::npos) end = text_.size();
    field.append(text_.substr(pos_, end - pos_));
    pos_ = end;
    record.fields.push_back(std::move(field));
    if (pos_ >= text_.size()) return true;
    const char delimiter = text_[pos_++];
    if (delimiter == ',') continue;
    if (delimiter == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    return true;
  }
}

bool CsvReader::ReadQuoted(std::string& field) {
  const int opened_on = line_;
  ++pos_;  // the opening quote
  while (true) {
    const std::size_t quote = text_.find('"', pos_);
    if (quote == std::string_view::npos) {
      error_ = CsvError{opened_on, "a quoted field opened on line " + std::to_string(opened_on) +
                                       " is never closed (a closing \" is missing)"};
      pos_ = text_.size();
      return false;
    }
    const std::string_view part = text_.substr(pos_, quote - pos_);
    CountLineBreaks(part);
    field.append(part);
    pos_ = quote + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {  // "" is one literal quote
      field += '"';
      ++pos_;
      continue;
    }
    return true;
  }
}

void CsvReader::CountLineBreaks(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++line_;
  }
}

}  // namespace mentorbot
