#include "bot/engine/program/pair_view.h"

namespace mentorbot {

std::optional<PairView> LoadPairView(StoreTransaction& store, const Pair& pair) {
  auto mentor = store.people().FindById(pair.mentor_id);
  auto mentee = store.people().FindById(pair.mentee_id);
  if (!mentor || !mentee) return std::nullopt;
  return PairView{pair, std::move(*mentor), std::move(*mentee)};
}

std::optional<PairView> LoadOpenPair(StoreTransaction& store, std::int64_t person_id) {
  auto pair = store.pairs().OpenPairOf(person_id);
  if (!pair) return std::nullopt;
  return LoadPairView(store, *pair);
}

}  // namespace mentorbot
