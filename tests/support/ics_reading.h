// Reading an iCalendar object back (RFC 5545) in tests, independently of
// the writer: checks the physical form (CRLF ends, at most 75 octets a
// line, folds as CRLF + one space), unfolds, splits each content line into
// name, parameters and value, and unescapes TEXT values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mentorbot {

struct IcsProperty {
  std::string name;                           // upper case, e.g. "ATTENDEE"
  std::map<std::string, std::string> params;  // name -> value, DQUOTEs removed
  std::string value;                          // as written (TEXT still escaped)
};

struct IcsObject {
  std::vector<IcsProperty> properties;  // in order, BEGIN/END lines included
  std::vector<std::string> problems;    // what breaks RFC 5545's form; empty when none

  // The first property with this name, if any.
  const IcsProperty* Find(const std::string& name) const;
  std::vector<const IcsProperty*> All(const std::string& name) const;
  // The unescaped TEXT value of the first such property, or "" when absent.
  std::string Text(const std::string& name) const;
};

IcsObject ReadIcs(const std::string& text);

}  // namespace mentorbot
