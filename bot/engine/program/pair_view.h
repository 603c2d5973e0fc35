// PairView: a pair with both of its people loaded, as most pair commands
// need it, and the checks they share.
#pragma once

#include <optional>

#include "bot/core/pairing.h"
#include "bot/core/person.h"
#include "bot/core/store.h"

namespace mentorbot {

struct PairView {
  Pair pair;
  Person mentor;
  Person mentee;

  bool IsMentee(const Person& person) const { return person.id == mentee.id; }
  const Person& Partner(const Person& person) const { return person.id == mentor.id ? mentee : mentor; }
  // Paused pairs count as active again once the pause has run out.
  bool PausedAt(TimePoint now) const {
    return pair.state == PairState::kPaused && (!pair.paused_until || *pair.paused_until > now);
  }
};

std::optional<PairView> LoadPairView(StoreTransaction& store, const Pair& pair);
// The person's pair that has not ended, if any.
std::optional<PairView> LoadOpenPair(StoreTransaction& store, std::int64_t person_id);

}  // namespace mentorbot
