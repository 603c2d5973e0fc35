// feedback and history: rating the last session (admins only ever see
// averages) and the pair's own record of sessions, agendas and takeaways.
#include <charconv>

#include "bot/engine/command_text.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/commands/pair_commands.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
constexpr std::size_t kMaxComment = 1000;
constexpr std::size_t kHistoryLength = 12;

Reply FeedbackCommand(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  auto [rating_text, comment] = SplitFirstWord(context.args);
  int rating = 0;
  auto [end, error] = std::from_chars(rating_text.data(), rating_text.data() + rating_text.size(), rating);
  if (rating_text.empty() || error != std::errc() || end != rating_text.data() + rating_text.size() || rating < 1 ||
      rating > 5) {
    return Problem("Rate your last session from 1 (poor) to 5 (excellent).",
                   RichText("For example ").Code(context.Typed("feedback 4 we finally talked about hiring")));
  }
  if (comment.size() > kMaxComment) return Problem("That comment is too long (1000 characters at most).", "Shorten it a little.");
  auto last = context.store.sessions().LastHeld(view->pair.id);
  if (!last) {
    return Problem("No session has been recorded yet.",
                   RichText("After you meet, type ").Code(context.Typed("met")).Text(" and then your feedback."));
  }
  context.store.sessions().SaveFeedback(Feedback{last->id, context.person->id, rating, std::string(comment), context.now});
  return Say(RichText("Thank you! Your rating of ").Bold(std::to_string(rating) + "/5").Text(" for the session on ")
                 .Append(WhenFor(last->starts_at, *context.person, context.settings))
                 .Text(" is saved. Admins only ever see averages, never who said what."));
}

Reply History(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  auto sessions = context.store.sessions().ListForPair(view->pair.id);
  Reply reply;
  reply.message.summary = "Your pair's history";
  reply.message.sections.push_back(Section{RichText("Your sessions with ").Append(NameOf(view->Partner(*context.person)))
                                               .Text(" (" + std::to_string(context.store.sessions().CountHeld(view->pair.id)) +
                                                     " of " + std::to_string(context.rules().target_sessions) + " held):"),
                                           {}, {}});
  if (sessions.empty()) {
    reply.message.sections.push_back(Section{RichText("Nothing yet."), {}, {}});
    return reply;
  }
  const std::size_t first = sessions.size() > kHistoryLength ? sessions.size() - kHistoryLength : 0;
  for (std::size_t i = first; i < sessions.size(); ++i) {
    const Session& session = sessions[i];
    Section section{RichText().Append(WhenFor(session.starts_at, *context.person, context.settings))
                        .Text(" — ").Bold(SessionStateName(session.state))
                        .Text(session.scheduled ? "" : " (outside the calendar)")
                        .Text(session.cancel_reason.empty() ? "" : " (" + session.cancel_reason + ")"),
                    {}, {}};
    if (!session.agenda.empty()) section.fields.push_back(Field{"Agenda", RichText(session.agenda)});
    if (!session.takeaways.empty()) section.fields.push_back(Field{"Takeaways", RichText(session.takeaways)});
    reply.message.sections.push_back(std::move(section));
  }
  if (first > 0) {
    reply.message.sections.push_back(Section{RichText(std::to_string(first) + " earlier sessions are not shown."), {}, {}});
  }
  return reply;
}
}  // namespace

void RegisterFeedbackCommand(CommandRouter& router) {
  router.Register(CommandSpec{"feedback", {"rate"}, "feedback <1-5> [comment]", "rate your last session",
                              Audience::kEnrolled, Store::Access::kWrite, FeedbackCommand, std::nullopt});
}

void RegisterHistoryCommand(CommandRouter& router) {
  router.Register(CommandSpec{"history", {}, "history", "your pair's sessions, agendas and takeaways",
                              Audience::kEnrolled, Store::Access::kRead, History, std::nullopt});
}

}  // namespace mentorbot
