// CalendarEvent: one session as a calendar event, whatever carries it (an
// iCalendar file, a Microsoft 365 or Google calendar). BusyInterval: a
// stretch a person's calendar says they are not free — only the times,
// never what the meeting is. Value types.
#pragma once

#include <string>
#include <vector>

#include "bot/core/clock.h"

namespace mentorbot {

struct CalendarPerson {
  std::string name;
  std::string email;  // empty when unknown: then the person is not named in the event
  bool accepted = false;
};

struct CalendarEvent {
  std::string uid;  // stable for the session's whole life
  int sequence = 0;  // 0 first, raised with every change sent
  std::string summary;
  std::string description;
  TimePoint starts_at{};
  int minutes = 45;
  CalendarPerson organizer;  // the mentee: they drive
  std::vector<CalendarPerson> attendees;  // both people, the organizer too
  bool cancelled = false;
};

struct BusyInterval {
  TimePoint start;
  TimePoint end;
};

}  // namespace mentorbot
