// ProgramFigures: the program's state in a few counts, for admins (the home
// view; the full report builds on it). Figures only, never a pair's notes.
#pragma once

#include "bot/core/message.h"
#include "bot/core/store.h"
#include "bot/engine/program_rules.h"

namespace mentorbot {

struct ProgramFigures {
  int mentors = 0;
  int mentees = 0;
  int pairs_active = 0;
  int pairs_paused = 0;
  int pairs_on_track = 0;         // not paused, and a session open or held within the cadence
  int pairs_reached_target = 0;   // held at least the target number of sessions
  int sessions_held = 0;          // ever
  int sessions_with_takeaways = 0;
};

// Reads the figures in the caller's transaction.
ProgramFigures CountProgramFigures(StoreTransaction& store, const ProgramRules& rules, TimePoint now);

// The figures as a message section with one field per figure.
Section ProgramFiguresSection(const ProgramFigures& figures, const ProgramRules& rules);

}  // namespace mentorbot
