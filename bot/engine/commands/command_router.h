// CommandRouter: maps a verb to its handler, with who may use it and what
// help says about it. Commands register once at start-up; lookups are then
// read-only and thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/core/message.h"
#include "bot/core/store.h"
#include "bot/engine/command_context.h"

namespace mentorbot {

enum class Audience {
  kAnyone,       // always allowed, always in help
  kNotEnrolled,  // shown in help to people not (or no longer) enrolled
  kEnrolled,     // requires an active enrolment; others are told how to join
  kAdmin,        // requires admin rights; others are refused politely
};

struct CommandSpec {
  std::string verb;
  std::vector<std::string> aliases;
  std::string usage;    // e.g. "profile set <field> <value>"
  std::string summary;  // one line for help
  Audience audience = Audience::kAnyone;
  Store::Access access = Store::Access::kRead;
  std::function<Reply(CommandContext&)> handler;
  // When set, help lists the command only to enrolled people of this role.
  std::optional<Role> role;
};

class CommandRouter {
 public:
  CommandRouter() = default;
  CommandRouter(const CommandRouter&) = delete;
  CommandRouter& operator=(const CommandRouter&) = delete;

  // REQUIRES: verb and aliases not registered before.
  void Register(CommandSpec spec);

  // nullptr when no command has that verb or alias.
  const CommandSpec* Find(std::string_view verb) const;
  // The registered verb nearest to a mistyped one, if any is close.
  const CommandSpec* Suggest(std::string_view verb) const;
  // Commands the actor of `context` may use now, in registration order.
  std::vector<const CommandSpec*> Available(const CommandContext& context) const;

 private:
  std::vector<CommandSpec> commands_;
};

}  // namespace mentorbot
