#include "bot/engine/manager_lookup.h"

#include "bot/engine/profile_fields.h"

namespace mentorbot {

std::string ManagerKeyOf(StoreTransaction& store, const std::string& key) {
  if (auto ref = UserRef::Parse(key)) {
    if (auto person = store.people().Find(*ref); person && !person->profile.manager.empty()) {
      return person->profile.manager == kNoManager ? "" : person->profile.manager;
    }
  }
  auto entry = store.roster().Find(key);
  return entry ? entry->manager : "";
}

}  // namespace mentorbot
