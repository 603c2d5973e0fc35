// forget-me: erases the person's personal data in one transaction (profile,
// identity, the takeaways and agendas they wrote, their feedback comments and
// off-limits topics, messages and files queued to them) and says what was
// erased.
// Aggregates (that a mentee took part, sessions held) stay.
#include "bot/engine/command_text.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/program/pair_lifecycle.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {

Reply ForgetMe(CommandContext& context) {
  if (!context.person) return Say("I hold no personal data about you: you never joined the program.");
  if (ToLower(context.args) != "confirm") {
    return Problem("This erases your profile, the agendas and takeaways you wrote, your feedback comments, your "
                   "off-limits topics and any message waiting for you, and ends your pairing. It cannot be undone.",
                   RichText("To go ahead, type ").Code(context.Typed("forget-me confirm")).Text("."));
  }
  Person person = *context.person;
  bool ended_pair = false;
  for (const auto& pair : context.store.pairs().OpenPairsOf(person.id)) {
    if (auto view = LoadPairView(context.store, pair)) {
      EndPair(context, *view, "the " + std::string(RoleName(person.role)) + " left the program", person.id);
      ended_pair = true;
    }
  }
  auto& store = context.store;
  const int texts = person.role == Role::kMentee ? store.sessions().EraseMenteeTexts(person.id) : 0;
  const int comments = store.sessions().EraseFeedbackComments(person.id);
  const int topics = store.pairs().EraseOffLimitsAddedBy(person.id);
  const int queued = store.outbox().DropPendingFor(person.ref);
  store.files().EraseOwnedBy(person.ref.Key());  // exports and invitations made for them
  // Their email as the organizer's calendar of past sessions (a cancel still
  // to send keeps it until the calendar worker has sent it).
  if (!person.profile.email.empty()) store.calendar().ForgetMailbox(person.profile.email);
  store.conversations().Erase(person.ref);  // how to reach them is personal data too
  store.roster().Erase(person.ref.Key());   // the imported org-chart row and the matcher's notes on them
  store.roster().EraseDoNotPairOf(person.ref.Key());
  const int audit = store.program().EraseAuditActor(person.ref.Key());
  if (person.active()) {
    person.enrolment = Enrolment::kLeft;
    person.left_at = context.now;
    store.people().Save(person);
  }
  store.people().Erase(person.id);

  RichText erased("Done. I erased: your profile and identity");
  erased.Text(", agendas and takeaways of " + Counted(texts, "session"))
      .Text(", " + Counted(comments, "feedback comment"))
      .Text(", " + Counted(topics, "off-limits topic"))
      .Text(", " + Counted(queued, "queued message"))
      .Text(" and your name in " + std::to_string(audit) + (audit == 1 ? " audit entry." : " audit entries."))
      .Text(ended_pair ? " Your pairing has ended." : "");
  return Problem(erased, "What remains is anonymous: that someone in your role took part, and when.");
}
}  // namespace

void RegisterForgetMeCommand(CommandRouter& router) {
  router.Register(CommandSpec{"forget-me", {"forgetme"}, "forget-me", "erase your personal data", Audience::kAnyone,
                              Store::Access::kWrite, ForgetMe, std::nullopt});
}

}  // namespace mentorbot
