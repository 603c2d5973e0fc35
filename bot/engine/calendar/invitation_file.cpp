#include "bot/engine/calendar/invitation_file.h"

#include <algorithm>

#include "bot/engine/calendar/ics_writer.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/time/time_zone.h"

namespace mentorbot {

namespace {
// An invitation file is useless once its session is over; a day's grace
// covers a delivery held back by an outage or quiet hours.
constexpr auto kFileKeptAfterSession = std::chrono::hours(24);

RichText InvitationText(const CalendarEvent& event, const Person& reader, const Person& partner,
                        const ProgramSettings& settings) {
  if (event.cancelled) {
    return SessionLead(event, reader, partner, settings)
        .Text(IsSchedulingMessage(event) ? " is cancelled: open the attached file to take it out of your calendar."
                                         : " is cancelled: please delete it from your calendar.");
  }
  if (event.sequence == 0) {
    return SessionLead(event, reader, partner, settings)
        .Text(": open the attached invitation to add it to your calendar.");
  }
  return RichText("Your session with ")
      .Append(NameOf(partner))
      .Text(" changed, now ")
      .Append(WhenFor(event.starts_at, reader, settings))
      .Text(" (" + std::to_string(event.minutes) + " minutes): open the attached invitation to update your calendar.");
}
}  // namespace

RichText SessionLead(const CalendarEvent& event, const Person& reader, const Person& partner,
                     const ProgramSettings& settings) {
  RichText text = RichText("Your session with ").Append(NameOf(partner)).Text(" on ");
  text.Append(WhenFor(event.starts_at, reader, settings));
  if (!event.cancelled) text.Text(" (" + std::to_string(event.minutes) + " minutes)");
  return text;
}

void SendInvitationFile(CommandContext& context, const Session& session, const CalendarEvent& event,
                        const Person& reader, const Person& partner, const std::string& key_kind,
                        const RichText& lead) {
  const std::string ics = WriteIcs(event, context.now);
  const std::string local_date = FormatLocal(event.starts_at, ZoneOf(reader, context.settings)).substr(0, 10);
  StoredFile file{0, reader.ref.Key(), "mentoring-session-" + local_date + ".ics", "text/calendar", ics, context.now,
                  std::max(context.now, session.ends_at()) + kFileKeptAfterSession};
  file.id = context.store.files().Save(file);
  RichText more;
  if (reader.profile.email.empty()) {
    more.Text("Tip: set your email with ").Code("profile set email you@example.com")
        .Text(" and invitations will name you as a guest, so your calendar keeps them up to date.");
  }
  Message message = Note(lead.empty() ? InvitationText(event, reader, partner, context.settings) : lead, more);
  message.summary = (event.cancelled ? "Cancelled: " : "Calendar invitation: ") + event.summary;
  message.files.push_back(FileRef{file.id, file.name, file.media_type, static_cast<std::int64_t>(ics.size()), "", ""});
  Notify(context, reader,
         key_kind + ":" + std::to_string(session.id) + ":" + std::to_string(event.sequence) + ":" +
             std::to_string(reader.id),
         std::move(message));
}

}  // namespace mentorbot
