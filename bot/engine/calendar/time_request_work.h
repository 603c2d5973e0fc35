// The calendar worker's answer to a pair waiting for suggested times: ask
// the calendar service when both people are busy over the coming cadence
// window, then send the mentee three times as a direct message. The person
// is waiting, so a failing service is tried only a few times, seconds
// apart; after that (or a refusal) the times come from working hours, and
// the message says the calendars could not be read.
#pragma once

#include <chrono>
#include <optional>

#include "bot/core/calendar_service.h"
#include "bot/core/pairing.h"
#include "bot/core/person.h"
#include "bot/core/store.h"
#include "bot/engine/calendar/suggested_times.h"
#include "bot/engine/program_settings.h"

namespace mentorbot {

// Reads tried before the answer falls back to working hours.
constexpr int kTimeRequestAttempts = 3;
// A service asking to wait longer than this is not waited for.
constexpr std::chrono::seconds kLongestTimeRequestWait{60};

struct TimeRequestParties {
  Pair pair;
  Person mentor;
  Person mentee;
  int cadence_days = 0;
};

// nullopt when there is nothing to answer: the pair ended or a person was
// erased. (A mentee without an email gets times from working hours.)
std::optional<TimeRequestParties> LoadTimeRequestParties(StoreTransaction& store, std::int64_t pair_id);

// Both people's busy times from `service`, read with the mentee's mailbox,
// over [now, now + cadence) (five weeks at most). `status` says whether
// the read worked.
CalendarsRead ReadCalendars(CalendarService& service, const TimeRequestParties& parties, TimePoint now,
                            CalendarCallStatus& status);

// Queues the times to the mentee and erases the request. Returns whether a
// message was queued.
bool SendSuggestedTimes(StoreTransaction& store, const ProgramSettings& settings, TimePoint now,
                        const TimeRequest& request, const TimeRequestParties& parties, const CalendarsRead& calendars);

}  // namespace mentorbot
