#include "bot/engine/calendar/calendar_sync.h"

#include "bot/engine/calendar/invitation_file.h"
#include "bot/engine/calendar/session_event.h"

namespace mentorbot {

namespace {
enum class Wanted { kUnchanged, kBooked, kCancelled };

Wanted WantedState(const Session& session, const Pair& pair, const std::optional<SessionCalendarEntry>& sent) {
  if (!session.scheduled || session.state == SessionState::kHeld) return Wanted::kUnchanged;
  const bool in_calendars = sent && !sent->cancelled;
  if (session.state == SessionState::kCancelled || !pair.open()) {
    return in_calendars ? Wanted::kCancelled : Wanted::kUnchanged;
  }
  if (session.state == SessionState::kConfirmed) return Wanted::kBooked;
  return in_calendars ? Wanted::kBooked : Wanted::kUnchanged;  // proposed: moved, awaiting the mentor
}

// A session's first version picks how it travels, for its whole life: the
// mentee's workspace's calendar service when the mentee has an email (the
// event lives in their calendar), else files.
void ChooseCarrier(SessionCalendarEntry& entry, const Person& mentee, const ProgramSettings& settings) {
  if (mentee.profile.email.empty()) return;
  entry.provider = settings.CalendarProviderFor(mentee.ref.workspace);
  if (!entry.provider.empty()) entry.mailbox = mentee.profile.email;
}
}  // namespace

void SyncSessionCalendar(CommandContext& context, const Session& session, const Pair& pair, const Person& mentor,
                         const Person& mentee) {
  const std::optional<SessionCalendarEntry> sent = context.store.calendar().Find(session.id);
  const Wanted wanted = WantedState(session, pair, sent);
  if (wanted == Wanted::kUnchanged) return;
  CalendarEvent event =
      SessionEvent(session, mentor, mentee, context.store.pairs().ListOffLimits(pair.id), wanted == Wanted::kCancelled);
  const std::string fingerprint = EventFingerprint(event);
  if (sent && sent->fingerprint == fingerprint) return;
  event.sequence = sent ? sent->sequence + 1 : 0;

  SessionCalendarEntry entry = sent ? *sent : SessionCalendarEntry{};
  // The version before could not be booked and went out as files: so must
  // this one, or a moved or cancelled session stays stale in calendars.
  const bool files_went_out = sent && sent->gave_up;
  if (!sent) {
    entry.session_id = session.id;
    ChooseCarrier(entry, mentee, context.settings);
  }
  entry.sequence = event.sequence;
  entry.fingerprint = fingerprint;
  entry.cancelled = event.cancelled;
  entry.updated_at = context.now;
  if (entry.provider.empty()) {
    context.store.calendar().Save(entry);
    SendInvitationFile(context, session, event, mentee, mentor);
    SendInvitationFile(context, session, event, mentor, mentee);
    return;
  }
  // The calendar worker books this version as soon as the command commits;
  // the service invites every attendee with an email itself.
  entry.attempts = 0;
  entry.next_attempt_at = context.now;
  entry.gave_up = false;
  entry.last_error.clear();
  context.store.calendar().Save(entry);
  context.enqueued = true;  // wakes the workers once the change is committed
  if (files_went_out) SendInvitationFile(context, session, event, mentee, mentor);
  if (files_went_out || mentor.profile.email.empty()) SendInvitationFile(context, session, event, mentor, mentee);
}

void SyncCalendarsOf(CommandContext& context, const Person& person) {
  for (const Pair& pair : context.store.pairs().OpenPairsOf(person.id)) {
    const auto session = context.store.sessions().OpenSessionOf(pair.id);
    if (!session) continue;
    const auto partner = context.store.people().FindById(pair.PartnerOf(person.id));
    if (!partner) continue;
    const bool mentor = pair.mentor_id == person.id;
    SyncSessionCalendar(context, *session, pair, mentor ? person : *partner, mentor ? *partner : person);
  }
}

}  // namespace mentorbot
