#include "bot/engine/engine.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>

#include "bot/engine/command_text.h"
#include "bot/engine/commands.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
Reply TryAgainLater() {
  return Problem("Sorry, I couldn't complete that just now: the program's database is unavailable. "
                 "Nothing was changed.",
                 "Please try again in a minute.");
}

Reply NotEnrolled(const CommandContext& context) {
  return Problem("That needs you to be enrolled in the program first.",
                 RichText("Type ").Code(context.Typed("join mentee")).Text(" if you are the senior leader, or ")
                     .Code(context.Typed("join mentor")).Text(" if you are the one sharing your perspective."));
}

Reply NotAdmin() {
  return Problem("Only the program's admins can do that.",
                 "If you think you should be one, ask an admin to add you.");
}
}  // namespace

Engine::Engine(Store& store, const Clock& clock, ProgramSettings settings)
    : store_(store), clock_(clock), settings_(std::move(settings)) {
  RegisterAllCommands(router_);
}

Reply Engine::Handle(const Event& event) {
  switch (event.kind) {
    case EventKind::kCommand: return Dispatch(event, event.text);
    // Buttons carry a command: the action id is the verb, the value its arguments.
    case EventKind::kAction: return Dispatch(event, event.action_id + " " + event.action_value);
    case EventKind::kFormSubmission: return Dispatch(event, event.action_id);
    case EventKind::kInstall: return Dispatch(event, "help");
  }
  return Dispatch(event, "help");
}

Reply Engine::Dispatch(const Event& event, std::string_view text) {
  CommandText command = ParseCommandText(text);
  if (command.verb.empty()) command.verb = "help";
  const CommandSpec* spec = router_.Find(command.verb);
  if (spec == nullptr) {
    const CommandSpec* suggestion = router_.Suggest(command.verb);
    const CommandSpec* help = router_.Find("help");
    auto reply = RunCommand(event, *help, "help", "");
    RichText what = RichText("I don't know the command ").Code(command.verb).Text(".");
    if (suggestion != nullptr) what.Text(" Did you mean ").Code(suggestion->verb).Text("?");
    reply.message.summary = what.PlainText();
    reply.message.sections.insert(reply.message.sections.begin(), Section{what, {}, {}});
    return reply;
  }
  return RunCommand(event, *spec, std::move(command.verb), std::move(command.args));
}

Reply Engine::RunCommand(const Event& event, const CommandSpec& spec, std::string verb, std::string args) {
  const TimePoint now = clock_.Now();
  const bool config_admin =
      std::find(settings_.admins.begin(), settings_.admins.end(), event.from.user) != settings_.admins.end();
  Reply reply;
  bool enqueued = false;
  // A refused admin command is audited, so it needs a write transaction.
  const Store::Access access = spec.audience == Audience::kAdmin ? Store::Access::kWrite : spec.access;
  Status status = store_.Run(access, [&](StoreTransaction& store) {
    CommandContext context(event, store, settings_, now, store.people().Find(event.from.user),
                           config_admin || store.program().IsAdmin(event.from.user), verb, args);
    if (spec.audience == Audience::kAdmin && !context.is_admin) {
      store.program().Audit(AuditEntry{now, event.from.user.Key(), "admin " + std::string(SplitFirstWord(args).first),
                                       "refused: not an admin", false});
      reply = NotAdmin();
    } else if (spec.audience == Audience::kEnrolled && !context.enrolled()) {
      reply = NotEnrolled(context);
    } else {
      reply = spec.handler(context);
    }
    enqueued = context.enqueued;
  });
  if (!status.ok()) {
    spdlog::error("command '{}' failed in the store: {}", spec.verb, status.message());
    return TryAgainLater();
  }
  if (enqueued && outbox_listener_) outbox_listener_();
  if (access == Store::Access::kWrite && change_listener_) change_listener_();
  return reply;
}

}  // namespace mentorbot
