// Sending a session's calendar event to one person as an iCalendar file in
// their direct messages, queued in the current transaction: the way every
// session reaches calendars without a calendar service, and the fallback
// when a service cannot book it or the person has no email it could invite.
#pragma once

#include "bot/core/calendar_event.h"
#include "bot/core/message.h"
#include "bot/core/pairing.h"
#include "bot/core/person.h"
#include "bot/engine/command_context.h"

namespace mentorbot {

// Queues `event` as a file to `reader` (whose partner is `partner`), under
// a key unique to the session, version and reader. `lead` replaces the
// usual first paragraph when given; `key_kind` tells a fallback's key from
// the plain invitation's ("calendar", "calendar-fallback").
void SendInvitationFile(CommandContext& context, const Session& session, const CalendarEvent& event,
                        const Person& reader, const Person& partner, const std::string& key_kind = "calendar",
                        const RichText& lead = RichText());

// "Your session with <partner> on <when> (45 minutes)" — how each message
// about a session's calendar entry begins.
RichText SessionLead(const CalendarEvent& event, const Person& reader, const Person& partner,
                     const ProgramSettings& settings);

}  // namespace mentorbot
