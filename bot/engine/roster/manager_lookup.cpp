#include "bot/engine/roster/manager_lookup.h"

#include "bot/engine/program/profile_fields.h"

namespace mentorbot {

namespace {
// A manager named by email before any import gave their id is the person
// with that email now.
std::string Linked(StoreTransaction& store, const std::string& manager) {
  if (manager.rfind(kEmailKeyPrefix, 0) != 0) return manager;
  return store.roster().KeyByEmail(manager.substr(kEmailKeyPrefix.size())).value_or(manager);
}
}  // namespace

std::string ManagerKeyOf(StoreTransaction& store, const std::string& key) {
  if (auto ref = UserRef::Parse(key)) {
    if (auto person = store.people().Find(*ref); person && !person->profile.manager.empty()) {
      return person->profile.manager == kNoManager ? "" : Linked(store, person->profile.manager);
    }
  }
  auto entry = store.roster().Find(key);
  return entry ? Linked(store, entry->manager) : "";
}

}  // namespace mentorbot
