// schedule, reschedule, confirm, decline, cancel: agreeing when the next
// session is. The mentee proposes (in their time zone); the mentor confirms.
#include "bot/engine/calendar/calendar_sync.h"
#include "bot/engine/command_text.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/calendar/when_form.h"
#include "bot/engine/program/forms.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/commands/pair_commands.h"
#include "bot/engine/commands/time_suggestions.h"
#include "bot/engine/replies.h"
#include "bot/engine/time/when_parser.h"

namespace mentorbot {

namespace {
Message ProposalFor(const CommandContext& context, const PairView& view, const Session& session, bool moved) {
  RichText text = NameOf(view.mentee).Text(moved ? " moved your next session to " : " proposes your next session: ")
                      .Append(WhenFor(session.starts_at, view.mentor, context.settings))
                      .Text(" (" + std::to_string(session.minutes) + " minutes).");
  Message message = Note(text);
  const std::string id = std::to_string(session.id);
  message.sections.back().buttons = {Button{"Confirm", "confirm", id, Button::Style::kPrimary},
                                     Button{"Decline", "decline", id, Button::Style::kDanger}};
  return message;
}

// The time typed after the verb, read in the mentee's zone and in the future.
StatusOr<TimePoint> ReadWhen(const CommandContext& context) {
  if (context.args.empty()) return Status::InvalidArgument("When? " + std::string(WhenExamples()));
  auto when = ParseWhen(context.args, context.now, context.TimeZone());
  if (!when.ok()) return when.status();
  if (*when <= context.now) return Status::InvalidArgument("That time has already passed. " + std::string(WhenExamples()));
  return when;
}

Reply Schedule(CommandContext& context, bool reschedule) {
  auto view = RequireMenteeOfActivePair(context, "The mentee schedules the sessions: it keeps them in the driver's seat.");
  if (!view.ok()) return view.status_reply();
  auto open = context.store.sessions().OpenSessionOf(view->pair.id);
  if (open && !reschedule) {
    return Problem(RichText("You already have a session ").Text(SessionStateName(open->state)).Text(" for ")
                       .Append(WhenFor(open->starts_at, *context.person, context.settings)).Text("."),
                   RichText("Move it with ").Code(context.Typed("reschedule <when>")).Text(" or call it off with ")
                       .Code(context.Typed("cancel")).Text("."));
  }
  if (!open && reschedule) {
    return Problem("Nothing is scheduled yet, so there is nothing to move.",
                   RichText("Propose a time with ").Code(context.Typed("schedule <when>")).Text("."));
  }
  if (context.args.empty() && context.event.kind != EventKind::kFormSubmission) {
    const int minutes = open ? open->minutes : context.rules().session_minutes;
    return SuggestTimes(context, *view, reschedule ? "reschedule" : "schedule", minutes);
  }
  auto when = ReadWhen(context);
  if (!when.ok()) {
    // Offer the form; a submitted form shows the problem beside its box.
    const std::string verb = reschedule ? "reschedule" : "schedule";  // not an alias: forms name their command
    Reply reply = Problem(RichText(when.status().message()), RichText("For example ").Code(context.Typed(verb + " tomorrow 15:00")));
    reply.message.sections.back().form = WhenForm(verb, context.args);
    if (context.event.kind == EventKind::kFormSubmission) reply.field_errors["when"] = when.status().message();
    return reply;
  }

  Session session = open.value_or(Session{});
  if (!open) {
    session.pair_id = view->pair.id;
    session.minutes = context.rules().session_minutes;
    session.created_at = context.now;
  }
  session.state = SessionState::kProposed;
  session.starts_at = *when;
  session.id = context.store.sessions().Save(session);
  SyncSessionCalendar(context, session, view->pair, view->mentor, view->mentee);
  Notify(context, view->mentor,
         "session:" + std::to_string(session.id) + ":proposed:" + std::to_string(session.starts_at.time_since_epoch().count()),
         ProposalFor(context, *view, session, reschedule));
  RichText text = RichText(reschedule ? "Moved to " : "Proposed ")
                      .Append(WhenFor(session.starts_at, *context.person, context.settings))
                      .Text(" (" + std::to_string(session.minutes) + " minutes). I've asked ")
                      .Append(NameOf(view->mentor)).Text(" to confirm.");
  RichText next;
  if (session.agenda.empty()) {
    next.Text("Set the agenda ahead of time with ").Code(context.Typed("agenda <what you want to talk about>")).Text(".");
  }
  return Reply{Note(text, next), false};
}

// The proposal a confirm/decline is about; a button press names its session.
StatusOr<Session> ProposalToAnswer(CommandContext& context, const PairView& view) {
  auto open = context.store.sessions().OpenSessionOf(view.pair.id);
  auto [first, rest] = SplitFirstWord(context.args);
  const bool names_session = !first.empty() && first.find_first_not_of("0123456789") == std::string_view::npos;
  if (!open || (names_session && std::to_string(open->id) != first)) {
    return Status::FailedPrecondition("There is no proposal waiting for your answer (it may have been moved or cancelled).");
  }
  if (names_session) context.args = std::string(rest);
  return *open;
}

Reply Answer(CommandContext& context, bool accept) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  if (view->IsMentee(*context.person)) {
    return Problem(RichText("Your mentor confirms or declines the time you propose."),
                   RichText("To change it yourself, use ").Code(context.Typed("reschedule <when>")).Text(" or ")
                       .Code(context.Typed("cancel")).Text("."));
  }
  auto session = ProposalToAnswer(context, *view);
  if (!session.ok()) return Say(RichText(session.status().message()));
  if (accept && session->state == SessionState::kConfirmed) {
    return Say(RichText("Already confirmed: ").Append(WhenFor(session->starts_at, *context.person, context.settings)).Text("."));
  }
  const std::string id = std::to_string(session->id);
  const std::string at = std::to_string(session->starts_at.time_since_epoch().count());
  if (accept) {
    session->state = SessionState::kConfirmed;
    context.store.sessions().Save(*session);
    SyncSessionCalendar(context, *session, view->pair, view->mentor, view->mentee);
    Notify(context, view->mentee, "session:" + id + ":confirmed:" + at,
           Note(NameOf(view->mentor).Text(" confirmed your session on ")
                    .Append(WhenFor(session->starts_at, view->mentee, context.settings)).Text(".")));
    return Say(RichText("Confirmed: ").Append(WhenFor(session->starts_at, *context.person, context.settings))
                   .Text(". I'll remind you both before it."));
  }
  session->state = SessionState::kCancelled;
  session->cancel_reason = context.args.empty() ? "declined by the mentor" : "declined: " + context.args;
  context.store.sessions().Save(*session);
  SyncSessionCalendar(context, *session, view->pair, view->mentor, view->mentee);
  RichText told = NameOf(view->mentor).Text(" can't make ")
                      .Append(WhenFor(session->starts_at, view->mentee, context.settings)).Text(".");
  if (!context.args.empty()) told.Text(" They said: \u201c" + context.args + "\u201d");
  Notify(context, view->mentee, "session:" + id + ":declined:" + at,
         Note(told, RichText("Please propose another time with ").Code("schedule <when>").Text(".")));
  return Say(RichText("Declined. I've asked ").Append(NameOf(view->mentee)).Text(" to propose another time."));
}

Reply Cancel(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  auto open = context.store.sessions().OpenSessionOf(view->pair.id);
  if (!open) return Say("Nothing is scheduled, so there is nothing to cancel.");
  open->state = SessionState::kCancelled;
  open->cancel_reason = "cancelled by the " + std::string(RoleName(context.person->role));
  context.store.sessions().Save(*open);
  SyncSessionCalendar(context, *open, view->pair, view->mentor, view->mentee);
  const Person& partner = view->Partner(*context.person);
  RichText told = NameOf(*context.person).Text(" cancelled your session on ")
                      .Append(WhenFor(open->starts_at, partner, context.settings)).Text(".");
  if (!context.args.empty()) told.Text(" They said: \u201c" + context.args + "\u201d");
  Notify(context, partner, "session:" + std::to_string(open->id) + ":cancelled", Note(told));
  RichText next = view->IsMentee(*context.person)
                      ? RichText("Propose a new time whenever you're ready: ").Code(context.Typed("schedule <when>"))
                      : RichText("I've told ").Append(NameOf(partner)).Text(".");
  return Reply{Note(RichText("Cancelled the session on ").Append(WhenFor(open->starts_at, *context.person, context.settings)).Text("."), next), false};
}
}  // namespace

void RegisterSessionCommands(CommandRouter& router) {
  router.Register(CommandSpec{"schedule", {}, "schedule <when>", "propose your next session, e.g. tomorrow 15:00",
                              Audience::kEnrolled, Store::Access::kWrite,
                              [](CommandContext& c) { return Schedule(c, false); }, Role::kMentee});
  router.Register(CommandSpec{"reschedule", {"move"}, "reschedule <when>", "move the next session",
                              Audience::kEnrolled, Store::Access::kWrite,
                              [](CommandContext& c) { return Schedule(c, true); }, Role::kMentee});
  router.Register(CommandSpec{"confirm", {"accept"}, "confirm", "confirm the time your mentee proposed",
                              Audience::kEnrolled, Store::Access::kWrite,
                              [](CommandContext& c) { return Answer(c, true); }, Role::kMentor});
  router.Register(CommandSpec{"decline", {}, "decline [reason]", "decline the proposed time",
                              Audience::kEnrolled, Store::Access::kWrite,
                              [](CommandContext& c) { return Answer(c, false); }, Role::kMentor});
  router.Register(CommandSpec{"cancel", {}, "cancel [reason]", "call off the next session", Audience::kEnrolled,
                              Store::Access::kWrite, Cancel, std::nullopt});
}

}  // namespace mentorbot
