// The calendar event of one session: "Reverse mentoring: <mentor> &
// <mentee>", the agenda and the pair's off-limits topics in the description
// (never takeaways; a cancellation has none), the session's length, the
// mentee as organizer and both people as attendees. Pure.
#pragma once

#include <string>
#include <vector>

#include "bot/core/pairing.h"
#include "bot/core/person.h"
#include "bot/engine/calendar/calendar_event.h"

namespace mentorbot {

// The session's identity in every calendar, for its whole life.
std::string SessionEventUid(const Session& session);

// Everything but the sequence (the caller knows which version this is).
CalendarEvent SessionEvent(const Session& session, const Person& mentor, const Person& mentee,
                           const std::vector<std::string>& off_limits, bool cancelled);

// What a version of the event says, to tell whether it changed.
std::string EventFingerprint(const CalendarEvent& event);

}  // namespace mentorbot
