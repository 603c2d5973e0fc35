#include "bot/engine/commands/time_suggestions.h"

#include "bot/engine/calendar/free_slots.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/program/forms.h"

namespace mentorbot {

namespace {
// No suggestion sooner than this: a person needs a moment to see it.
constexpr auto kLeadTime = std::chrono::hours(1);
}  // namespace

Reply SuggestTimes(CommandContext& context, const PairView& view, const std::string& verb, int minutes) {
  const ProgramRules& rules = context.rules();
  const std::vector<SlotPerson> people = {SlotPerson{ZoneOf(view.mentee, context.settings), {}},
                                          SlotPerson{ZoneOf(view.mentor, context.settings), {}}};
  const auto window = std::chrono::days(rules.cadence_days);
  const std::vector<FreeSlot> slots =
      FindFreeSlots(people, context.now + kLeadTime, context.now + window, minutes, rules);
  const std::string span = "in the next " + std::to_string(rules.cadence_days) + " days";
  const std::string hours =
      "working hours (" + RuleValue(rules, "working_hours") + " on work days, each in your own time zone)";
  Reply reply;
  if (slots.empty()) {
    reply.message = Note(RichText("I found no time " + span + " inside both your and ").Append(NameOf(view.mentor))
                             .Text("'s " + hours + ": your days may barely overlap."),
                         RichText("Propose a time that suits you both with ").Code(context.Typed(verb + " <when>"))
                             .Text("."));
  } else {
    reply.message = Note(RichText("Times " + span + " inside both your and ").Append(NameOf(view.mentor))
                             .Text("'s " + hours + ". I can't see your calendars, so pick one that is free in yours:"),
                         RichText("Or type another time, e.g. ").Code(context.Typed(verb + " tomorrow 15:00")).Text("."));
    for (const FreeSlot& slot : slots) {
      reply.message.sections.front().buttons.push_back(Button{slot.label, verb, slot.typed});
    }
  }
  reply.message.summary = slots.empty() ? "No common free time found" : "Suggested times for your next session";
  reply.message.sections.back().form = WhenForm(verb);
  return reply;
}

}  // namespace mentorbot
