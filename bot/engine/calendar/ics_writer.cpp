#include "bot/engine/calendar/ics_writer.h"

#include <cstdio>

#include "bot/core/civil_time.h"

namespace mentorbot {

namespace {
constexpr std::size_t kMaxLineOctets = 75;

// TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newline are
// escaped; other control characters are dropped (they are never valid).
std::string EscapeText(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    }
  }
  return out;
}

// A parameter value (CN): always quoted, so ':' ';' ',' need no escaping;
// a DQUOTE cannot be written inside one and becomes an apostrophe.
std::string QuotedParameter(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '\'';
    else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  }
  return out + "\"";
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// One content line, folded: each physical line at most 75 octets, a fold
// being CRLF and one space, never inside a UTF-8 sequence.
void AppendLine(std::string& out, const std::string& line) {
  std::size_t start = 0;
  std::size_t room = kMaxLineOctets;
  while (line.size() - start > room) {
    std::size_t cut = start + room;
    while (cut > start && IsContinuationByte(line[cut])) --cut;
    if (cut == start) cut = start + room;  // no character starts here (invalid UTF-8): cut anyway
    out.append(line, start, cut - start);
    out += "\r\n ";
    start = cut;
    room = kMaxLineOctets - 1;  // the leading space counts
  }
  out.append(line, start, std::string::npos);
  out += "\r\n";
}

std::string PersonLine(const std::string& property, const CalendarPerson& person, bool attendee) {
  std::string line = property;
  if (attendee) {
    line += ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=";
    line += person.accepted ? "ACCEPTED" : "NEEDS-ACTION";
    line += ";RSVP=FALSE";
  }
  if (!person.name.empty()) line += ";CN=" + QuotedParameter(person.name);
  return line + ":mailto:" + person.email;
}
}  // namespace

bool IsSchedulingMessage(const CalendarEvent& event) {
  if (event.organizer.email.empty()) return false;
  for (const CalendarPerson& person : event.attendees) {
    if (!person.email.empty()) return true;
  }
  return false;
}

std::string IcsUtcTime(TimePoint time) {
  const CivilTime civil = ToCivilTime(time);
  char text[24];
  std::snprintf(text, sizeof text, "%04d%02u%02uT%02d%02d%02dZ", civil.year, civil.month, civil.day, civil.hour,
                civil.minute, civil.second);
  return text;
}

std::string WriteIcs(const CalendarEvent& event, TimePoint stamp) {
  const bool scheduling = IsSchedulingMessage(event);

  std::string out;
  AppendLine(out, "BEGIN:VCALENDAR");
  AppendLine(out, "PRODID:-//mentorbot//Reverse mentoring sessions//EN");
  AppendLine(out, "VERSION:2.0");
  AppendLine(out, "CALSCALE:GREGORIAN");
  if (scheduling) AppendLine(out, event.cancelled ? "METHOD:CANCEL" : "METHOD:REQUEST");
  AppendLine(out, "BEGIN:VEVENT");
  AppendLine(out, "UID:" + event.uid);
  AppendLine(out, "DTSTAMP:" + IcsUtcTime(stamp));
  AppendLine(out, "SEQUENCE:" + std::to_string(event.sequence));
  AppendLine(out, "DTSTART:" + IcsUtcTime(event.starts_at));
  AppendLine(out, "DTEND:" + IcsUtcTime(event.starts_at + std::chrono::minutes(event.minutes)));
  AppendLine(out, "SUMMARY:" + EscapeText(event.summary));
  if (!event.description.empty()) AppendLine(out, "DESCRIPTION:" + EscapeText(event.description));
  if (scheduling) {
    AppendLine(out, PersonLine("ORGANIZER", event.organizer, false));
    for (const CalendarPerson& person : event.attendees) {
      if (!person.email.empty()) AppendLine(out, PersonLine("ATTENDEE", person, true));
    }
  }
  AppendLine(out, event.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
  AppendLine(out, "CLASS:PRIVATE");  // the agenda is the pair's: not for people who share the calendar
  AppendLine(out, "TRANSP:OPAQUE");
  AppendLine(out, "END:VEVENT");
  AppendLine(out, "END:VCALENDAR");
  return out;
}

}  // namespace mentorbot
