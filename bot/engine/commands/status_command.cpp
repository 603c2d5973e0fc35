// status: where the actor stands, their pair, next session, progress toward
// the target, and what is waiting on them.
#include "bot/engine/commands/commands.h"
#include "bot/engine/program/forms.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/program/pair_view.h"
#include "bot/engine/program/profile_fields.h"
#include "bot/engine/replies.h"
#include "bot/engine/time/time_zone.h"

namespace mentorbot {

namespace {
std::string ProgressBar(int held, int target) {
  std::string bar;
  for (int i = 0; i < target && i < 20; ++i) bar += i < held ? "\u25A0" : "\u25A1";
  return bar + " " + std::to_string(held) + " of " + std::to_string(target) + " sessions held";
}

void AddLine(RichText& list, const RichText& line) {
  if (!list.empty()) list.Text("\n");
  list.Append(line);
}

// What the actor should do next about their pair, in order of urgency.
void PairTasks(CommandContext& context, const PairView& view, const std::optional<Session>& open, RichText& waiting) {
  const bool mentee = view.IsMentee(*context.person);
  if (!context.store.pairs().HasAcceptedRules(view.pair.id, context.person->id)) {
    AddLine(waiting, RichText("accept the ground rules: ").Code(context.Typed("rules")));
  }
  if (view.PausedAt(context.now)) return;
  if (open && open->state == SessionState::kProposed && !mentee) {
    AddLine(waiting, RichText("confirm or decline the proposed time: ").Code(context.Typed("confirm")).Text(" / ")
                         .Code(context.Typed("decline")));
  }
  if (!mentee) return;
  if (!open) AddLine(waiting, RichText("propose your next session: ").Code(context.Typed("schedule <when>")));
  if (open && open->agenda.empty()) AddLine(waiting, RichText("set the agenda: ").Code(context.Typed("agenda <text>")));
  auto last = context.store.sessions().LastHeld(view.pair.id);
  if (last && last->takeaways.empty()) {
    AddLine(waiting, RichText("write your takeaways from ").Append(WhenFor(last->starts_at, *context.person, context.settings))
                         .Text(": ").Code(context.Typed("takeaways <text>")));
  }
}

}  // namespace

Reply ShowStatus(CommandContext& context) {
  if (!context.enrolled()) {
    RichText text("You're not enrolled in the program");
    if (context.person && context.person->left_at) {
      text.Text(" (you left on ")
          .Time(*context.person->left_at, FormatLocal(*context.person->left_at, context.TimeZone()))
          .Text(")");
    }
    Reply reply = Problem(text.Text("."), RichText("To take part, type ").Code(context.Typed("join mentee"))
                                              .Text(" or ").Code(context.Typed("join mentor")).Text("."));
    reply.message.sections.back().form = JoinForm();
    return reply;
  }
  const Person& person = *context.person;
  Section section{RichText("You're enrolled as a ").Bold(RoleName(person.role)).Text(" since ")
                      .Append(WhenFor(person.joined_at, person, context.settings)).Text("."),
                  {}, {}};
  RichText waiting;
  for (ProfileField field : MissingMatchingFields(person)) {
    const auto& info = InfoOf(field);
    AddLine(waiting, RichText("complete your profile: ")
                         .Code(context.Typed("profile set " + std::string(info.name) + " " + std::string(info.example))));
  }
  const auto pairs = context.store.pairs().OpenPairsOf(person.id);
  if (pairs.empty()) {
    section.fields.push_back(Field{"Pair", RichText("not paired yet: an admin pairs people once their profiles are complete")});
  }
  for (const auto& each : pairs) {
    auto view = LoadPairView(context.store, each);
    if (!view) continue;
    // A mentor with several mentees sees each pair under its number.
    const std::string suffix = pairs.size() > 1 ? " #" + std::to_string(each.id) : "";
    RichText pair = NameOf(view->Partner(person)).Text(view->IsMentee(person) ? " (your mentor)" : " (your mentee)");
    if (view->PausedAt(context.now)) pair.Text(", paused until ").Append(WhenFor(*view->pair.paused_until, person, context.settings));
    section.fields.push_back(Field{"Pair" + suffix, pair});
    auto open = context.store.sessions().OpenSessionOf(view->pair.id);
    section.fields.push_back(Field{
        "Next session" + suffix,
        open ? WhenFor(open->starts_at, person, context.settings).Text(" (" + std::string(SessionStateName(open->state)) +
                                                                      (open->agenda.empty() ? ", no agenda yet)" : ", agenda set)"))
             : RichText("none scheduled")});
    section.fields.push_back(Field{"Progress" + suffix, RichText(ProgressBar(context.store.sessions().CountHeld(view->pair.id),
                                                                             context.rules().target_sessions))});
    PairTasks(context, *view, open, waiting);
  }
  Field waiting_field{"Waiting on you", waiting.empty() ? RichText("nothing") : waiting};
  // With several pairs it goes first: platforms show at most 10 fields.
  if (pairs.size() > 1) {
    section.fields.insert(section.fields.begin(), std::move(waiting_field));
  } else {
    section.fields.push_back(std::move(waiting_field));
  }
  Reply reply;
  reply.message.summary = "Your status";
  reply.message.sections.push_back(std::move(section));
  return reply;
}

void RegisterStatusCommand(CommandRouter& router) {
  router.Register(CommandSpec{"status", {}, "status", "your pair, your next session and what is waiting on you",
                              Audience::kAnyone, Store::Access::kRead, ShowStatus, std::nullopt});
}

}  // namespace mentorbot
