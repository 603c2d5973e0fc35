#include "bot/engine/program/pair_snapshot.h"

namespace mentorbot {

std::optional<PairSnapshot> LoadPairSnapshot(StoreTransaction& store, const Pair& pair) {
  auto view = LoadPairView(store, pair);
  if (!view) return std::nullopt;
  PairSnapshot snapshot{std::move(*view), store.sessions().OpenSessionOf(pair.id), store.sessions().LastHeld(pair.id),
                        store.sessions().CountHeld(pair.id), false, false, store.pairs().ListOffLimits(pair.id)};
  if (snapshot.open) {
    if (auto calendar = store.calendar().Find(snapshot.open->id); calendar && !calendar->cancelled) {
      snapshot.join_url = calendar->join_url;
    }
  }
  if (snapshot.last_held) {
    snapshot.mentor_rated_last = store.sessions().FindFeedback(snapshot.last_held->id, pair.mentor_id).has_value();
    snapshot.mentee_rated_last = store.sessions().FindFeedback(snapshot.last_held->id, pair.mentee_id).has_value();
  }
  return snapshot;
}

}  // namespace mentorbot
