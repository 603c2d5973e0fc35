// pause <days> and resume: a pair takes a break without ending.
#include <charconv>

#include "bot/engine/calendar/calendar_sync.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/commands/pair_commands.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
Reply Pause(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  const int max_days = context.rules().max_pause_days;
  int days = 0;
  auto [end, error] = std::from_chars(context.args.data(), context.args.data() + context.args.size(), days);
  if (context.args.empty() || error != std::errc() || end != context.args.data() + context.args.size() || days < 1 ||
      days > max_days) {
    return Problem("For how many days? From 1 to " + std::to_string(max_days) + ".",
                   RichText("For example ").Code(context.Typed("pause 14")));
  }
  view->pair.state = PairState::kPaused;
  view->pair.paused_until = context.now + std::chrono::days(days);
  context.store.pairs().Save(view->pair);
  if (auto open = context.store.sessions().OpenSessionOf(view->pair.id)) {
    open->state = SessionState::kCancelled;
    open->cancel_reason = "the pair paused";
    context.store.sessions().Save(*open);
    SyncSessionCalendar(context, *open, view->pair, view->mentor, view->mentee);
  }
  const Person& partner = view->Partner(*context.person);
  Notify(context, partner,
         "pair:" + std::to_string(view->pair.id) + ":paused:" + std::to_string(context.now.time_since_epoch().count()),
         Note(NameOf(*context.person).Text(" paused your pairing until ")
                  .Append(WhenFor(*view->pair.paused_until, partner, context.settings))
                  .Text(". No reminders until then; either of you can ").Code("resume").Text(" earlier.")));
  return Say(RichText("Paused until ").Append(WhenFor(*view->pair.paused_until, *context.person, context.settings))
                 .Text(". Any scheduled session is cancelled and no reminders go out. ")
                 .Code(context.Typed("resume")).Text(" ends the pause early."));
}

Reply Resume(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  if (view->pair.state != PairState::kPaused) return Say("Your pair isn't paused.");
  view->pair.state = PairState::kActive;
  view->pair.paused_until.reset();
  context.store.pairs().Save(view->pair);
  const Person& partner = view->Partner(*context.person);
  Notify(context, partner,
         "pair:" + std::to_string(view->pair.id) + ":resumed:" + std::to_string(context.now.time_since_epoch().count()),
         Note(NameOf(*context.person).Text(" resumed your pairing. Welcome back!")));
  RichText next = view->IsMentee(*context.person)
                      ? RichText(" Propose your next session with ").Code(context.Typed("schedule <when>")).Text(".")
                      : RichText();
  return Say(RichText("Welcome back: your pairing is active again.").Append(next));
}
}  // namespace

void RegisterPauseCommands(CommandRouter& router) {
  router.Register(CommandSpec{"pause", {}, "pause <days>", "take a break without ending the pairing",
                              Audience::kEnrolled, Store::Access::kWrite, Pause, std::nullopt});
  router.Register(CommandSpec{"resume", {"unpause"}, "resume", "end a pause early", Audience::kEnrolled,
                              Store::Access::kWrite, Resume, std::nullopt});
}

}  // namespace mentorbot
