#include "bot/engine/commands/time_suggestions.h"

#include "bot/engine/calendar/suggested_times.h"
#include "bot/engine/delivery/notifications.h"

namespace mentorbot {

Reply SuggestTimes(CommandContext& context, const PairView& view, const std::string& verb, int minutes) {
  const std::string& provider = context.settings.CalendarProviderFor(view.mentee.ref.workspace);
  Reply reply;
  if (provider.empty() || view.mentee.profile.email.empty()) {
    reply.message = SuggestedTimes(context, view.mentee, view.mentor, verb, minutes, CalendarsRead{});
    return reply;
  }
  context.store.calendar().SaveTimeRequest(TimeRequest{view.pair.id, verb, minutes, provider, context.now, 0,
                                                       context.now});
  context.enqueued = true;  // wakes the calendar worker once committed
  reply.message = Note(RichText("Looking in your and ").Append(NameOf(view.mentor))
                           .Text("'s calendars for times you are both free: I'll send you three in a moment."));
  reply.message.summary = "Looking for times you are both free";
  return reply;
}

}  // namespace mentorbot
