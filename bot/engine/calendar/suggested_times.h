// Suggested times for a pair's next session: the answer to `schedule` (or
// `reschedule`) without a time and to the "Find a time" button. Three times
// in the coming cadence window when both people are inside working hours,
// on a work day and outside quiet hours, each in their own zone, spread over
// different days, and, where their calendars could be read, free in them.
// Picking one runs `schedule <that time>`, so it is proposed to the mentor
// as if typed. The message says where the times come from: both calendars,
// one, or working hours only (no calendar service, or it failed just now).
#pragma once

#include <string>
#include <vector>

#include "bot/core/calendar_event.h"
#include "bot/core/message.h"
#include "bot/core/person.h"
#include "bot/engine/command_context.h"

namespace mentorbot {

// What is known of the two people's calendars. Only busy times: no other
// meeting's subject ever reaches the bot.
struct CalendarsRead {
  bool service = false;        // a calendar service was asked
  bool mentee_read = false;    // ... and answered for the mentee
  bool mentor_read = false;    // ... and for the mentor
  std::vector<BusyInterval> mentee_busy;
  std::vector<BusyInterval> mentor_busy;
  TimePoint read_until{};      // busy times are known until then: no time is offered later
};

// Slots of `minutes` (the session's own length when it is moved), starting
// an hour from context.now at the earliest, worded for the mentee.
// REQUIRES: context's actor is the mentee (their platform's command prefix).
Message SuggestedTimes(CommandContext& context, const Person& mentee, const Person& mentor, const std::string& verb,
                       int minutes, const CalendarsRead& calendars);

}  // namespace mentorbot
