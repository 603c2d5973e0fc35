#include "bot/engine/calendar/calendar_sync.h"

#include <algorithm>

#include "bot/engine/calendar/ics_writer.h"
#include "bot/engine/calendar/session_event.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/time/time_zone.h"

namespace mentorbot {

namespace {
// An invitation file is useless once its session is over; a day's grace
// covers a delivery held back by an outage or quiet hours.
constexpr auto kFileKeptAfterSession = std::chrono::hours(24);

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

RichText InvitationText(const CalendarEvent& event, const Person& reader, const Person& partner,
                        const ProgramSettings& settings) {
  RichText text = RichText("Your session with ").Append(NameOf(partner));
  const RichText when = WhenFor(event.starts_at, reader, settings);
  const std::string length = " (" + std::to_string(event.minutes) + " minutes)";
  if (event.cancelled) {
    return text.Text(" on ").Append(when).Text(IsSchedulingMessage(event)
                                                   ? " is cancelled: open the attached file to take it out of your calendar."
                                                   : " is cancelled: please delete it from your calendar.");
  }
  if (event.sequence == 0) {
    return text.Text(" on ").Append(when).Text(length + ": open the attached invitation to add it to your calendar.");
  }
  return text.Text(" changed, now ").Append(when).Text(length + ": open the attached invitation to update your calendar.");
}

void SendInvitation(CommandContext& context, const Session& session, const CalendarEvent& event, const std::string& ics,
                    const Person& reader, const Person& partner) {
  const std::string local_date = FormatLocal(event.starts_at, ZoneOf(reader, context.settings)).substr(0, 10);
  StoredFile file{0, reader.ref.Key(), "mentoring-session-" + local_date + ".ics", "text/calendar", ics, context.now,
                  std::max(context.now, session.ends_at()) + kFileKeptAfterSession};
  file.id = context.store.files().Save(file);
  RichText more;
  if (reader.profile.email.empty()) {
    more.Text("Tip: set your email with ").Code("profile set email you@example.com")
        .Text(" and invitations will name you as a guest, so your calendar keeps them up to date.");
  }
  Message message = Note(InvitationText(event, reader, partner, context.settings), more);
  message.summary = (event.cancelled ? "Cancelled: " : "Calendar invitation: ") + event.summary;
  message.files.push_back(FileRef{file.id, file.name, file.media_type, static_cast<std::int64_t>(ics.size()), "", ""});
  Notify(context, reader,
         "calendar:" + std::to_string(session.id) + ":" + std::to_string(event.sequence) + ":" + std::to_string(reader.id),
         std::move(message));
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
  context.store.calendar().Save(SessionCalendarEntry{session.id, event.sequence, fingerprint, event.cancelled, context.now});
  const std::string ics = WriteIcs(event, context.now);
  SendInvitation(context, session, event, ics, mentee, mentor);
  SendInvitation(context, session, event, ics, mentor, mentee);
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
