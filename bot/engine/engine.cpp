#include "bot/engine/engine.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>

#include "bot/engine/command_text.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/directory/departures.h"
#include "bot/engine/directory/directory_merge.h"
#include "bot/engine/directory/reorg_review.h"
#include "bot/engine/program/forms.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
Reply TryAgainLater() {
  Reply reply = Problem("Sorry, I couldn't complete that just now: the program's database is unavailable. "
                 "Nothing was changed.",
                 "Please try again in a minute.");
  reply.failed = true;
  return reply;
}

Reply NotEnrolled(const CommandContext& context) {
  return Problem("That needs you to be enrolled in the program first.",
                 RichText("Type ").Code(context.Typed("join mentee")).Text(" if you are the senior leader, or ")
                     .Code(context.Typed("join mentor")).Text(" if you are the one sharing your perspective."));
}

std::string ReplyKey(const Event& event) { return "reply:" + event.event_id; }

// Ids of handled deliveries are kept a day: platforms retry within minutes.
constexpr auto kSeenEventsKept = std::chrono::hours(24);
constexpr unsigned kPruneEvery = 256;  // events with ids between two prunes

Reply FormErrors(const FormCommand& form) {
  RichText what("Please check what you wrote:");
  for (const auto& [input, error] : form.errors) what.Text(" " + error);
  Reply reply = Say(what);
  reply.message.sections.back().form = form.form;
  reply.field_errors = form.errors;
  return reply;
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
    case EventKind::kFormSubmission: {
      FormCommand form = CommandFromSubmission(event);
      if (form.unknown_form) {
        return Respond(event, Problem("That form is out of date, so I didn't save anything.", "Type what you wanted to "
                                      "write as a command instead, or ask for the form again."));
      }
      if (!form.errors.empty()) return Respond(event, FormErrors(form));
      return Dispatch(event, form.command);
    }
    case EventKind::kInstall: return Dispatch(event, "help");
    case EventKind::kDirectoryUpdate: return UpdateFromDirectory(event);
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
  // A refused admin command is audited, and a delivery id or a queued reply
  // is written, so those need a write transaction.
  const bool dedupe = event.redeliverable && !event.event_id.empty();
  const bool writes = spec.audience == Audience::kAdmin || dedupe || event.queue_reply_to;
  const Store::Access access = writes ? Store::Access::kWrite : spec.access;
  Status status = store_.Run(access, [&](StoreTransaction& store) {
    reply = Reply{};
    if (dedupe) {
      if (!store.conversations().MarkSeen(event.event_id, now)) {
        reply.duplicate = true;
        return;
      }
      if (++events_since_prune_ % kPruneEvery == 0) store.conversations().PruneSeen(now - kSeenEventsKept);
    }
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
    if (event.queue_reply_to) {
      store.outbox().Enqueue(ReplyKey(event), *event.queue_reply_to, reply.message, now, now);
      enqueued = true;
    }
  });
  if (!status.ok()) {
    spdlog::error("command '{}' failed in the store: {}", spec.verb, status.message());
    return TryAgainLater();
  }
  if (enqueued && outbox_listener_) outbox_listener_();
  if (access == Store::Access::kWrite && !reply.duplicate && change_listener_) change_listener_();
  return reply;
}

// A person the platform says joined or changed (Slack team_join,
// user_change): written at once, as a one-person incremental read of that
// workspace's directory. Nothing is said to anyone.
Reply Engine::UpdateFromDirectory(const Event& event) {
  Reply reply;
  if (!event.directory_entry) return reply;
  DirectoryRead read;
  read.platform = event.from.user.platform;
  read.workspace = event.from.user.workspace;
  read.full = false;
  read.people.push_back(*event.directory_entry);
  read.people.back().id = event.from.user.user_id;
  const std::string source(PlatformName(read.platform));
  const TimePoint now = clock_.Now();
  Status status = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
    reply = Reply{};
    if (!event.event_id.empty() && !store.conversations().MarkSeen(event.event_id, now)) {
      reply.duplicate = true;
      return;
    }
    const DirectoryChanges changes = MergeDirectoryRead(store, source, read, now);
    for (const auto& problem : changes.problems) {
      spdlog::warn("directory: {} {}: {}", source, problem.person_id, problem.reason);
    }
    CommandContext context(event, store, settings_, now, std::nullopt, false, "directory", "");
    for (std::int64_t person : changes.departed) HandleDeparture(context, person);
    ReviewOpenPairs(store, settings_, now);
  });
  if (!status.ok()) {
    spdlog::error("directory update failed in the store: {}", status.message());
    return TryAgainLater();
  }
  if (!reply.duplicate && outbox_listener_) outbox_listener_();
  if (!reply.duplicate && change_listener_) change_listener_();
  return reply;
}

Reply Engine::Respond(const Event& event, Reply reply) {
  if (!event.queue_reply_to) return reply;
  const TimePoint now = clock_.Now();
  Status status = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
    if (event.redeliverable && !event.event_id.empty() && !store.conversations().MarkSeen(event.event_id, now)) {
      reply.duplicate = true;
      return;
    }
    store.outbox().Enqueue(ReplyKey(event), *event.queue_reply_to, reply.message, now, now);
  });
  if (!status.ok()) {
    spdlog::error("reply could not be queued: {}", status.message());
    return TryAgainLater();
  }
  if (!reply.duplicate && outbox_listener_) outbox_listener_();
  return reply;
}

}  // namespace mentorbot
