#include "tests/support/ics_reading.h"

namespace mentorbot {

namespace {
std::string Unescape(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\' || i + 1 == value.size()) {
      out += value[i];
      continue;
    }
    const char next = value[++i];
    out += next == 'n' || next == 'N' ? '\n' : next;
  }
  return out;
}

// "ATTENDEE;CN=\"A, B\";ROLE=X:mailto:a@b" -> name, params, value; the first
// ':' outside quotes ends the parameters.
IcsProperty ParseLine(const std::string& line) {
  IcsProperty property;
  bool quoted = false;
  std::size_t colon = std::string::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ':' && !quoted) {
      colon = i;
      break;
    }
  }
  const std::string head = line.substr(0, colon);
  property.value = colon == std::string::npos ? "" : line.substr(colon + 1);
  std::size_t start = 0;
  bool first = true;
  quoted = false;
  for (std::size_t i = 0; i <= head.size(); ++i) {
    if (i < head.size() && head[i] == '"') quoted = !quoted;
    if (i < head.size() && (head[i] != ';' || quoted)) continue;
    const std::string part = head.substr(start, i - start);
    start = i + 1;
    if (first) {
      property.name = part;
      first = false;
      continue;
    }
    const auto equals = part.find('=');
    std::string value = equals == std::string::npos ? "" : part.substr(equals + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    property.params[part.substr(0, equals)] = value;
  }
  return property;
}
}  // namespace

const IcsProperty* IcsObject::Find(const std::string& name) const {
  for (const auto& property : properties) {
    if (property.name == name) return &property;
  }
  return nullptr;
}

std::vector<const IcsProperty*> IcsObject::All(const std::string& name) const {
  std::vector<const IcsProperty*> found;
  for (const auto& property : properties) {
    if (property.name == name) found.push_back(&property);
  }
  return found;
}

std::string IcsObject::Text(const std::string& name) const {
  const IcsProperty* property = Find(name);
  return property ? Unescape(property->value) : "";
}

IcsObject ReadIcs(const std::string& text) {
  IcsObject object;
  std::vector<std::string> logical;
  std::size_t start = 0;
  int number = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    ++number;
    if (end == std::string::npos) {
      object.problems.push_back("line " + std::to_string(number) + " does not end with CRLF");
      break;
    }
    const std::string physical = text.substr(start, end - start);
    start = end + 2;
    if (physical.find('\n') != std::string::npos || physical.find('\r') != std::string::npos) {
      object.problems.push_back("line " + std::to_string(number) + " holds a bare CR or LF");
    }
    if (physical.size() > 75) {
      object.problems.push_back("line " + std::to_string(number) + " is " + std::to_string(physical.size()) + " octets");
    }
    if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t')) {
      if (logical.empty()) object.problems.push_back("the first line is a continuation");
      else logical.back() += physical.substr(1);
    } else {
      logical.push_back(physical);
    }
  }
  int depth = 0;
  for (const std::string& line : logical) {
    IcsProperty property = ParseLine(line);
    if (property.name == "BEGIN") ++depth;
    if (property.name == "END" && --depth < 0) object.problems.push_back("END without BEGIN");
    object.properties.push_back(std::move(property));
  }
  if (depth != 0) object.problems.push_back("BEGIN without END");
  return object;
}

}  // namespace mentorbot
