// agenda, met, takeaways: what a session is about, that it happened, and
// what the mentee took away. Agendas and takeaways are the pair's alone.
#include "bot/engine/calendar/calendar_sync.h"
#include "bot/engine/command_text.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/program/forms.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/commands/pair_commands.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
// Two "met" within this window are the same meeting (both members pressed it).
constexpr auto kSameMeeting = std::chrono::hours(12);

Reply TooLong(std::size_t max) {
  return Problem("That is too long for me to keep (" + std::to_string(max) + " characters at most).",
                 "Shorten it, or keep the details in a shared document and note the link here.");
}

Reply Agenda(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  auto open = context.store.sessions().OpenSessionOf(view->pair.id);
  if (context.args.empty()) {
    if (!open) return Say(RichText("No session is scheduled. ").Code(context.Typed("status")).Text(" shows what's next."));
    Reply reply;
    if (open->agenda.empty()) {
      reply = Say(RichText("No agenda yet for ").Append(WhenFor(open->starts_at, *context.person, context.settings))
                      .Text(view->IsMentee(*context.person) ? ". Set it with " : ".")
                      .Code(view->IsMentee(*context.person) ? context.Typed("agenda <text>") : ""));
    } else {
      reply = Reply{Note(RichText("Agenda for ").Append(WhenFor(open->starts_at, *context.person, context.settings)).Text(":"),
                         RichText(open->agenda)), false};
    }
    if (view->IsMentee(*context.person)) reply.message.sections.back().form = AgendaForm(open->agenda);
    return reply;
  }
  if (!view->IsMentee(*context.person)) {
    return Problem("The mentee sets the agenda: it's how they drive the conversation.",
                   RichText("You'll be told as soon as ").Append(NameOf(view->mentee)).Text(" sets it."));
  }
  if (!open) {
    return Problem("There's no session to set an agenda for yet.",
                   RichText("Propose one first with ").Code(context.Typed("schedule <when>")).Text("."));
  }
  if (CountCharacters(context.args) > kMaxAgendaLength) return TooLong(kMaxAgendaLength);
  const bool changed = !open->agenda.empty();
  open->agenda = context.args;
  open->agenda_set_at = context.now;
  context.store.sessions().Save(*open);
  SyncSessionCalendar(context, *open, view->pair, view->mentor, view->mentee);
  Notify(context, view->mentor, "session:" + std::to_string(open->id) + ":agenda:" + Fingerprint(open->agenda),
         Note(NameOf(view->mentee).Text(changed ? " changed the agenda for " : " set the agenda for ")
                  .Append(WhenFor(open->starts_at, view->mentor, context.settings)).Text(":"),
              RichText(open->agenda)));
  return Say(RichText(changed ? "Agenda updated" : "Agenda saved").Text(" for ")
                 .Append(WhenFor(open->starts_at, *context.person, context.settings)).Text(". I've shared it with ")
                 .Append(NameOf(view->mentor)).Text("."));
}

Reply Met(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  auto& sessions = context.store.sessions();
  auto last = sessions.LastHeld(view->pair.id);
  if (last && last->held_at && context.now - *last->held_at < kSameMeeting) {
    return Say(RichText("Already recorded: your session on ")
                   .Append(WhenFor(last->starts_at, *context.person, context.settings)).Text(" counts."));
  }
  // The scheduled session once it has started; otherwise a session held
  // today outside the calendar, which counts just the same.
  auto open = sessions.OpenSessionOf(view->pair.id);
  Session session;
  if (open && open->starts_at <= context.now) {
    session = *open;
  } else {
    session.pair_id = view->pair.id;
    session.starts_at = context.now;
    session.minutes = context.rules().session_minutes;
    session.scheduled = false;
    session.created_at = context.now;
  }
  session.state = SessionState::kHeld;
  session.held_at = context.now;
  session.id = sessions.Save(session);
  const int held = sessions.CountHeld(view->pair.id);
  const int target = context.rules().target_sessions;
  const std::string progress = std::to_string(held) + " of " + std::to_string(target) + " sessions held";

  const Person& partner = view->Partner(*context.person);
  RichText told = NameOf(*context.person).Text(" recorded your session on ")
                      .Append(WhenFor(session.starts_at, partner, context.settings)).Text(" (" + progress + ").");
  RichText ask = view->IsMentee(partner)
                     ? RichText("Please write down your key takeaways: ").Code("takeaways <text>")
                     : RichText("How was it? ").Code("feedback <1-5> [comment]");
  Message partner_message = Note(told, ask);
  if (view->IsMentee(partner)) partner_message.sections.back().form = TakeawaysForm();
  Notify(context, partner, "session:" + std::to_string(session.id) + ":met", std::move(partner_message));

  RichText next = view->IsMentee(*context.person)
                      ? RichText("Write your key takeaways while they're fresh: ").Code(context.Typed("takeaways <text>"))
                      : RichText("How was it? ").Code(context.Typed("feedback <1-5> [comment]"));
  RichText text = RichText("Recorded: your session on ").Append(WhenFor(session.starts_at, *context.person, context.settings))
                      .Text(" — " + progress + ".");
  if (held == target) text.Text(" That's the target: congratulations to you both!");
  Reply reply{Note(text, next), false};
  if (view->IsMentee(*context.person)) reply.message.sections.back().form = TakeawaysForm();
  return reply;
}

Reply Takeaways(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  auto last = context.store.sessions().LastHeld(view->pair.id);
  if (context.args.empty()) {
    Reply reply;
    if (!last || last->takeaways.empty()) {
      reply = Say(RichText("No takeaways are written for your last session yet."));
    } else {
      reply = Reply{Note(RichText("Takeaways from ").Append(WhenFor(last->starts_at, *context.person, context.settings)).Text(":"),
                         RichText(last->takeaways)), false};
    }
    if (last && view->IsMentee(*context.person)) reply.message.sections.back().form = TakeawaysForm(last->takeaways);
    return reply;
  }
  if (!view->IsMentee(*context.person)) {
    return Problem("The mentee writes the takeaways after each session.",
                   RichText("You can read them with ").Code(context.Typed("history")).Text("."));
  }
  if (!last) {
    return Problem("No session has been recorded yet, so there is nothing to write takeaways for.",
                   RichText("After you meet, type ").Code(context.Typed("met")).Text(" and then your takeaways."));
  }
  if (CountCharacters(context.args) > kMaxTakeawaysLength) return TooLong(kMaxTakeawaysLength);
  const bool replaced = !last->takeaways.empty();
  last->takeaways = context.args;
  last->takeaways_at = context.now;
  context.store.sessions().Save(*last);
  Notify(context, view->mentor, "session:" + std::to_string(last->id) + ":takeaways:" + Fingerprint(last->takeaways),
         Note(NameOf(view->mentee).Text(" wrote their takeaways from your session on ")
                  .Append(WhenFor(last->starts_at, view->mentor, context.settings)).Text("."),
              RichText("Read them with ").Code("history").Text(".")));
  return Say(RichText(replaced ? "Takeaways updated" : "Takeaways saved").Text(" for your session on ")
                 .Append(WhenFor(last->starts_at, *context.person, context.settings))
                 .Text(". Only you and ").Append(NameOf(view->mentor)).Text(" can read them."));
}
}  // namespace

void RegisterSessionNotesCommands(CommandRouter& router) {
  router.Register(CommandSpec{"agenda", {}, "agenda <text>", "set the next session's agenda", Audience::kEnrolled,
                              Store::Access::kWrite, Agenda, Role::kMentee});
  router.Register(CommandSpec{"met", {}, "met", "record that your session happened", Audience::kEnrolled,
                              Store::Access::kWrite, Met, std::nullopt});
  router.Register(CommandSpec{"takeaways", {"takeaway"}, "takeaways <text>", "write down what you took away",
                              Audience::kEnrolled, Store::Access::kWrite, Takeaways, Role::kMentee});
}

}  // namespace mentorbot
