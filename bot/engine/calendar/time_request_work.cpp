#include "bot/engine/calendar/time_request_work.h"

#include <algorithm>

#include "bot/engine/delivery/notifications.h"
#include "bot/engine/program_rules.h"

namespace mentorbot {

std::optional<TimeRequestParties> LoadTimeRequestParties(StoreTransaction& store, std::int64_t pair_id) {
  auto pair = store.pairs().Find(pair_id);
  if (!pair || !pair->open()) return std::nullopt;
  auto mentor = store.people().FindById(pair->mentor_id);
  auto mentee = store.people().FindById(pair->mentee_id);
  if (!mentor || !mentee) return std::nullopt;
  return TimeRequestParties{*pair, *mentor, *mentee, LoadRules(store.program()).cadence_days};
}

CalendarsRead ReadCalendars(CalendarService& service, const TimeRequestParties& parties, TimePoint now,
                            CalendarCallStatus& status) {
  const std::string& mentee_email = parties.mentee.profile.email;
  const std::string& mentor_email = parties.mentor.profile.email;
  std::vector<std::string> emails = {mentee_email};
  if (!mentor_email.empty() && mentor_email != mentee_email) emails.push_back(mentor_email);
  // Free/busy spans are limited (Exchange's availability window is 42 days
  // by default) and a cadence may be 90: the three earliest free times lie
  // well inside five weeks anyway, and no time is offered past what was read.
  const auto span = std::min<std::chrono::days>(std::chrono::days(parties.cadence_days), std::chrono::weeks(5));
  CalendarAvailability availability = service.FreeBusy(mentee_email, emails, now, now + span);
  status = availability.status;
  CalendarsRead calendars;
  calendars.service = true;
  calendars.read_until = now + span;
  if (!status.done()) return calendars;
  if (auto found = availability.busy.find(mentee_email); found != availability.busy.end()) {
    calendars.mentee_read = true;
    calendars.mentee_busy = found->second;
  }
  if (auto found = availability.busy.find(mentor_email); !mentor_email.empty() && found != availability.busy.end()) {
    calendars.mentor_read = true;
    calendars.mentor_busy = found->second;
  }
  return calendars;
}

bool SendSuggestedTimes(StoreTransaction& store, const ProgramSettings& settings, TimePoint now,
                        const TimeRequest& request, const TimeRequestParties& parties, const CalendarsRead& calendars) {
  // Worded as the mentee's own command would be: their platform's prefix.
  Event event;
  event.from.user = parties.mentee.ref;
  CommandContext context(event, store, settings, now, parties.mentee, false, request.verb, "");
  Message message = SuggestedTimes(context, parties.mentee, parties.mentor, request.verb, request.minutes, calendars);
  Notify(context, parties.mentee,
         "times:" + std::to_string(request.pair_id) + ":" +
             std::to_string(request.requested_at.time_since_epoch().count()),
         std::move(message));
  store.calendar().EraseTimeRequest(request.pair_id);
  return context.enqueued;
}

}  // namespace mentorbot
