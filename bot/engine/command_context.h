// CommandContext: everything a command handler may look at or change while it
// runs inside the engine's one transaction for the event.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/core/event.h"
#include "bot/core/person.h"
#include "bot/core/store.h"
#include "bot/engine/program_rules.h"
#include "bot/engine/program_settings.h"

namespace mentorbot {

struct CommandContext {
  CommandContext(const Event& event, StoreTransaction& store, const ProgramSettings& settings, TimePoint now,
                 std::optional<Person> person, bool is_admin, std::string verb, std::string args)
      : event(event), store(store), settings(settings), now(now), person(std::move(person)), is_admin(is_admin),
        verb(std::move(verb)), args(std::move(args)) {}

  const Event& event;
  StoreTransaction& store;
  const ProgramSettings& settings;
  TimePoint now;
  std::optional<Person> person;  // the actor's record, if they ever enrolled
  bool is_admin = false;
  std::string verb;
  std::string args;  // what followed the verb, trimmed
  bool enqueued = false;  // set when a message for someone else was queued

  // The program's rules, read from the store once per command.
  const ProgramRules& rules();

  const UserRef& actor() const { return event.from.user; }
  bool enrolled() const { return person && person->active(); }
  // How the actor types `command` on their platform, e.g. "/mentor status".
  std::string Typed(std::string_view command) const;
  // The actor's time zone: their own, else the program default.
  std::string TimeZone() const;

 private:
  std::optional<ProgramRules> rules_;
};

}  // namespace mentorbot
