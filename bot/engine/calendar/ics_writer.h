// Writing a CalendarEvent as an iCalendar object (RFC 5545) that any
// calendar (Outlook, Google, Apple) opens: UTC times (no VTIMEZONE needed),
// TEXT escaped, lines folded at 75 octets without splitting a UTF-8
// character, CRLF line ends, CLASS:PRIVATE. With an organizer and at least one attendee
// whose emails are known it is an iTIP message (RFC 5546): METHOD:REQUEST,
// or METHOD:CANCEL with STATUS:CANCELLED; otherwise a plain event to import,
// with no scheduling method, since iTIP requires both. Pure.
#pragma once

#include <string>

#include "bot/core/clock.h"
#include "bot/engine/calendar/calendar_event.h"

namespace mentorbot {

// `stamp` is DTSTAMP: when this version of the event was written.
std::string WriteIcs(const CalendarEvent& event, TimePoint stamp);

// Whether WriteIcs makes it an iTIP message (REQUEST / CANCEL): the
// organizer's email and at least one attendee's are known. Otherwise
// calendars import it as a plain event, and a cancellation cannot remove it.
bool IsSchedulingMessage(const CalendarEvent& event);

// "20261207T150000Z": an instant in iCalendar's UTC DATE-TIME form.
std::string IcsUtcTime(TimePoint time);

}  // namespace mentorbot
