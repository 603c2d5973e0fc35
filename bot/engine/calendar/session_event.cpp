#include "bot/engine/calendar/session_event.h"

#include "bot/engine/calendar/ics_writer.h"
#include "bot/engine/delivery/notifications.h"

namespace mentorbot {

std::string SessionEventUid(const Session& session) {
  // The session's creation instant and id: unique to it, and never changing
  // when it is moved (reschedule keeps the session).
  return IcsUtcTime(session.created_at) + "-session-" + std::to_string(session.id) + "@mentorbot";
}

CalendarEvent SessionEvent(const Session& session, const Person& mentor, const Person& mentee,
                           const std::vector<std::string>& off_limits, bool cancelled) {
  CalendarEvent event;
  event.uid = SessionEventUid(session);
  event.summary = "Reverse mentoring: " + mentor.display_name + " & " + mentee.display_name;
  event.starts_at = session.starts_at;
  event.minutes = session.minutes;
  event.organizer = CalendarPerson{mentee.display_name, mentee.profile.email, true};
  event.attendees = {CalendarPerson{mentor.display_name, mentor.profile.email, session.state == SessionState::kConfirmed},
                     event.organizer};
  event.cancelled = cancelled;
  // A cancellation says nothing of what the session was about: it may go out
  // after forget-me erased the agenda and the leaver's off-limits topics.
  if (cancelled) return event;
  std::string description = "Reverse-mentoring session: " + mentor.display_name + " (mentor) and " +
                            mentee.display_name + " (mentee).\n\nAgenda:\n";
  description += session.agenda.empty() ? "not set yet (the mentee sets it ahead of the session)" : session.agenda;
  if (!off_limits.empty()) {
    description += "\n\nOff-limits topics:";
    for (const std::string& topic : off_limits) description += "\n- " + topic;
  }
  description += "\n\nTo move or cancel it, tell mentorbot: reschedule or cancel.";
  event.description = std::move(description);
  return event;
}

std::string EventFingerprint(const CalendarEvent& event) {
  std::string text = event.uid + '\n' + event.summary + '\n' + event.description + '\n' +
                     std::to_string(event.starts_at.time_since_epoch().count()) + '\n' + std::to_string(event.minutes) +
                     '\n' + (event.cancelled ? "cancelled" : "booked");
  for (const CalendarPerson& person : event.attendees) {
    text += '\n' + person.name + '<' + person.email + '>';  // not `accepted`: a confirm alone changes no calendar
  }
  return Fingerprint(text);
}

}  // namespace mentorbot
