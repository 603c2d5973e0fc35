// PairSnapshot: everything the scheduler needs to know about one open pair
// to derive the messages it is owed, read in one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bot/core/store.h"
#include "bot/engine/program/pair_view.h"

namespace mentorbot {

struct PairSnapshot {
  PairView view;
  std::optional<Session> open;       // proposed or confirmed
  std::optional<Session> last_held;  // most recent held session
  int held = 0;
  bool mentor_rated_last = false;    // feedback given for last_held
  bool mentee_rated_last = false;
  std::vector<std::string> off_limits;
  std::string join_url;  // the open session's online meeting, once a calendar service made one
};

// The snapshot of one pair; nullopt if its people are missing.
std::optional<PairSnapshot> LoadPairSnapshot(StoreTransaction& store, const Pair& pair);

}  // namespace mentorbot
