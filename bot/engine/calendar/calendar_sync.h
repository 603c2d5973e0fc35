// Keeping both people's calendars in step with a session. Called after
// every change to a session or its pair (confirm, reschedule, decline,
// cancel, agenda, off-limits topics, pause, the pair's end): it compares
// the event the session should now be with the version last sent, and only
// when they differ raises the SEQUENCE, records it, and queues the new
// version in the command's own transaction, so it goes out once, exactly
// when the change is committed: to both people as an iCalendar file in
// their direct messages (through the outbox), or, where a calendar service
// books sessions, as due work for the calendar worker (which survives an
// outage of the service the same way).
//
// A session enters calendars when the mentor confirms it; a move keeps it
// there (same UID, new time) until it is confirmed again or declined; a
// cancelled session, or one of a pair that paused or ended, leaves them
// (METHOD:CANCEL). Held and unscheduled sessions are left as they are.
#pragma once

#include "bot/core/pairing.h"
#include "bot/core/person.h"
#include "bot/engine/command_context.h"

namespace mentorbot {

void SyncSessionCalendar(CommandContext& context, const Session& session, const Pair& pair, const Person& mentor,
                         const Person& mentee);

// After a change to how events name `person` (their name, their email):
// the open session of each of their open pairs. REQUIRES: person is stored
// as given.
void SyncCalendarsOf(CommandContext& context, const Person& person);

}  // namespace mentorbot
