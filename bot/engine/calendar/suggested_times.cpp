#include "bot/engine/calendar/suggested_times.h"

#include <algorithm>

#include "bot/engine/calendar/free_slots.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/calendar/when_form.h"

namespace mentorbot {

namespace {
// No suggestion sooner than this: a person needs a moment to see it.
constexpr auto kLeadTime = std::chrono::hours(1);

// Where the times come from, said before them ("... inside both your and
// Ada's working hours. <this>").
RichText SourceNote(const CalendarsRead& calendars, const Person& mentor) {
  if (!calendars.service) return RichText("I can't see your calendars, so pick one that is free in yours:");
  if (!calendars.mentee_read && !calendars.mentor_read) {
    return RichText("I could not read your calendars, so pick one that is free in yours:");
  }
  if (!calendars.mentor_read) {
    return RichText("They are free in your calendar; I can't see ").Append(NameOf(mentor))
        .Text("'s, so they may be busy then:");
  }
  if (!calendars.mentee_read) {
    return RichText("They are free in ").Append(NameOf(mentor)).Text("'s calendar; I can't see yours:");
  }
  return RichText("You are both free then in your calendars:");
}
}  // namespace

Message SuggestedTimes(CommandContext& context, const Person& mentee, const Person& mentor, const std::string& verb,
                       int minutes, const CalendarsRead& calendars) {
  const ProgramRules& rules = context.rules();
  const std::vector<SlotPerson> people = {SlotPerson{ZoneOf(mentee, context.settings), calendars.mentee_busy},
                                          SlotPerson{ZoneOf(mentor, context.settings), calendars.mentor_busy}};
  const bool any_calendar = calendars.mentee_read || calendars.mentor_read;
  TimePoint until = context.now + std::chrono::days(rules.cadence_days);
  if (any_calendar) until = std::min(until, calendars.read_until);
  const std::vector<FreeSlot> slots = FindFreeSlots(people, context.now + kLeadTime, until, minutes, rules);
  const std::string span = "in the next " + std::to_string(rules.cadence_days) + " days";
  const std::string hours =
      "working hours (" + RuleValue(rules, "working_hours") + " on work days, each in your own time zone)";
  Message message;
  if (slots.empty()) {
    RichText found = RichText("I found no time " + span + " inside both your and ").Append(NameOf(mentor))
                         .Text("'s " + hours);
    found.Text(any_calendar ? " when the calendars I can see are free: those weeks are fully booked."
                            : ": your days may barely overlap.");
    message = Note(found, RichText("Propose a time that suits you both with ").Code(context.Typed(verb + " <when>"))
                              .Text("."));
  } else {
    message = Note(RichText("Times " + span + " inside both your and ").Append(NameOf(mentor))
                       .Text("'s " + hours + ". ").Append(SourceNote(calendars, mentor)),
                   RichText("Or type another time, e.g. ").Code(context.Typed(verb + " tomorrow 15:00")).Text("."));
    for (const FreeSlot& slot : slots) {
      message.sections.front().buttons.push_back(Button{slot.label, verb, slot.typed});
    }
  }
  message.summary = slots.empty() ? "No common free time found" : "Suggested times for your next session";
  message.sections.back().form = WhenForm(verb);
  return message;
}

}  // namespace mentorbot
