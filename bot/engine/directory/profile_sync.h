// bot/engine/directory/ — what the platforms' directories know about people,
// filled into their profiles (time zone, name, email) without overriding
// their own.
// May use: calendar, delivery, program, roster, time.
//
// ProfileSync: looks up, once per person, what their platform's directory
// says (time zone, name, email) and fills in what they have not set
// themselves, so reminders are in their local time and invitations reach
// their calendar from the start. A person's own
// `profile set timezone` always wins. Runs on its own thread, woken when
// someone joins.
// Thread-safety: SyncDue on one thread at a time; Wake/Stop from any thread.
#pragma once

#include <map>

#include "bot/core/clock.h"
#include "bot/core/store.h"
#include "bot/core/user_directory.h"
#include "bot/engine/wake_signal.h"

namespace mentorbot {

class ProfileSync {
 public:
  // REQUIRES: store, clock and directories outlive the sync.
  ProfileSync(Store& store, const Clock& clock, std::map<Platform, UserDirectory*> directories)
      : store_(store), clock_(clock), directories_(std::move(directories)) {}

  // Looks up people never looked up before, at most `limit` per platform.
  // Returns how many were looked up. A transient failure ends the round.
  int SyncDue(int limit = 50);

  void Run();  // until Stop: sync, then sleep until woken or a minute passed
  void Wake() { signal_.Wake(); }
  void Stop() { signal_.Stop(); }

 private:
  Store& store_;
  const Clock& clock_;
  std::map<Platform, UserDirectory*> directories_;
  WakeSignal signal_;
};

}  // namespace mentorbot
