// bot/engine/calendar/ — sessions in people's calendars: the event a
// session is (one stable identity, a SEQUENCE raised with each change), the
// iCalendar file that carries it, and keeping both people's calendars in
// step as the session is confirmed, moved, changed or cancelled.
// May use: delivery, time.
//
// CalendarEvent: one session as a calendar event, whatever carries it (an
// iCalendar file today). Value type.
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

}  // namespace mentorbot
