#include "bot/engine/pair_snapshot.h"

namespace mentorbot {

std::vector<PairSnapshot> LoadPairSnapshots(StoreTransaction& store) {
  std::vector<PairSnapshot> snapshots;
  for (const Pair& pair : store.pairs().ListOpen()) {
    auto view = LoadPairView(store, pair);
    if (!view) continue;
    PairSnapshot snapshot{std::move(*view), store.sessions().OpenSessionOf(pair.id), store.sessions().LastHeld(pair.id),
                          store.sessions().CountHeld(pair.id), false, false, store.pairs().ListOffLimits(pair.id)};
    if (snapshot.last_held) {
      snapshot.mentor_rated_last = store.sessions().FindFeedback(snapshot.last_held->id, pair.mentor_id).has_value();
      snapshot.mentee_rated_last = store.sessions().FindFeedback(snapshot.last_held->id, pair.mentee_id).has_value();
    }
    snapshots.push_back(std::move(snapshot));
  }
  return snapshots;
}

}  // namespace mentorbot
