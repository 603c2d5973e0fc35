#include "bot/engine/program/pair_lifecycle.h"

#include "bot/engine/calendar/calendar_sync.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/program/forms.h"

namespace mentorbot {

namespace {
Message Kickoff(CommandContext& context, const PairView& view, bool for_mentee) {
  const Person& partner = for_mentee ? view.mentor : view.mentee;
  const ProgramRules& rules = context.rules();
  Message message;
  message.summary = "You've been paired with " + partner.display_name + " for reverse mentoring";
  RichText intro = RichText("You've been paired for reverse mentoring: meet ").Append(NameOf(partner))
                       .Text(for_mentee ? ", your mentor" : ", your mentee")
                       .Text(partner.profile.department.empty() ? "" : " from " + partner.profile.department)
                       .Text(". The plan: " + std::to_string(rules.session_minutes) + " minutes every " +
                             std::to_string(rules.cadence_days) + " days, " + std::to_string(rules.target_sessions) +
                             " sessions at least.");
  message.sections.push_back(Section{intro, {}, {}});
  message.sections.push_back(Section{RichText("Ground rules:\n" + rules.ground_rules), {},
                                     {Button{"I accept the ground rules", "rules", "accept", Button::Style::kPrimary}}});
  RichText next = for_mentee
                      ? RichText("You drive: please propose your first session within ")
                            .Text(std::to_string(rules.kickoff_schedule_days) + " days, e.g. ")
                            .Code("schedule next tue 15:00").Text(", and set its agenda with ").Code("agenda <text>")
                            .Text(".")
                      : RichText("Your mentee will propose the first session; you'll be asked to confirm it here.");
  message.sections.push_back(Section{next, {}, {}});
  if (for_mentee) message.sections.back().buttons.push_back(FindATimeButton());
  return message;
}
}  // namespace

PairView StartPair(CommandContext& context, const Person& mentor, const Person& mentee) {
  Pair pair;
  pair.mentor_id = mentor.id;
  pair.mentee_id = mentee.id;
  pair.state = PairState::kActive;
  pair.created_at = context.now;
  pair.id = context.store.pairs().Save(pair);
  PairView view{pair, mentor, mentee};
  const std::string key = "pair:" + std::to_string(pair.id) + ":kickoff:";
  Notify(context, mentor, key + "mentor", Kickoff(context, view, false));
  Notify(context, mentee, key + "mentee", Kickoff(context, view, true));
  return view;
}

void EndPair(CommandContext& context, PairView& view, const std::string& reason, std::int64_t quiet) {
  auto open = context.store.sessions().OpenSessionOf(view.pair.id);
  if (open) {
    open->state = SessionState::kCancelled;
    open->cancel_reason = "the pairing ended";
    context.store.sessions().Save(*open);
  }
  view.pair.state = PairState::kEnded;
  view.pair.ended_at = context.now;
  view.pair.paused_until.reset();
  view.pair.end_reason = reason;
  context.store.pairs().Save(view.pair);
  if (open) SyncSessionCalendar(context, *open, view.pair, view.mentor, view.mentee);
  for (const Person* member : {&view.mentor, &view.mentee}) {
    if (member->id == quiet) continue;
    Notify(context, *member, "pair:" + std::to_string(view.pair.id) + ":ended:" + std::to_string(member->id),
           Note(RichText("Your reverse-mentoring pairing with ").Append(NameOf(view.Partner(*member)))
                    .Text(" has ended: " + reason + ". Thank you for the time you gave it."),
                RichText("An admin may pair you again; ").Code("status").Text(" shows where you stand.")));
  }
}

}  // namespace mentorbot
