// bot/engine/ — the engine's face (this file and engine.cpp) and what every
// part shares: the command context, text helpers, replies, the program's
// rules and settings, the wake signal. Those shared files include only each
// other. Each sub-folder is one capability, with its central header saying
// what it owns and which capabilities it may use: commands/ on top, then
// matching/, scheduling/, roster/, program/, calendar/, reporting/,
// delivery/, directory/, time/ (tests/support/engine_layers.h checks the
// rules).
//
// Engine: the platform-neutral conversation engine. Handle() turns one
// normalised event into the reply for the person who acted, reading and
// writing the Store in exactly one transaction, and never touches the network.
// When the reply is returned, everything it confirms is durably stored.
//
// Thread-safety: Handle may be called from many threads at once; the Store
// serialises writers. Not copyable.
#pragma once

#include <atomic>

#include "bot/core/clock.h"
#include "bot/core/event_handler.h"
#include "bot/core/store.h"
#include "bot/engine/commands/command_router.h"
#include "bot/engine/program_settings.h"

namespace mentorbot {

class Engine : public EventHandler {
 public:
  // REQUIRES: store and clock outlive the engine.
  Engine(Store& store, const Clock& clock, ProgramSettings settings);
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  Reply Handle(const Event& event) override;

  // Called (outside any transaction) after a command queued messages for
  // others, so the outbox worker can deliver them at once.
  // REQUIRES: set before Handle is first called.
  void SetOutboxListener(std::function<void()> listener) { outbox_listener_ = std::move(listener); }
  // Called after every command that changed stored state (the scheduler
  // re-plans). REQUIRES: set before Handle is first called.
  void SetChangeListener(std::function<void()> listener) { change_listener_ = std::move(listener); }

 private:
  Reply Dispatch(const Event& event, std::string_view text);
  Reply RunCommand(const Event& event, const CommandSpec& spec, std::string verb, std::string args);
  // A reply made without running a command (a refused form), queued when the event asks for it.
  Reply Respond(const Event& event, Reply reply);
  Reply UpdateFromDirectory(const Event& event);

  Store& store_;
  const Clock& clock_;
  const ProgramSettings settings_;
  CommandRouter router_;
  std::function<void()> outbox_listener_;
  std::function<void()> change_listener_;
  std::atomic<unsigned> events_since_prune_{0};
};

}  // namespace mentorbot
