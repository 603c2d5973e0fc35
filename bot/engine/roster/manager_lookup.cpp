#include "bot/engine/roster/manager_lookup.h"

#include "bot/engine/program/profile_fields.h"
#include "bot/engine/roster/manager_join.h"

namespace mentorbot {

namespace {
// The org chart as the store holds it: an enrolled person's own profile
// over their roster row.
class StoreOrgChart : public OrgChartSource {
 public:
  explicit StoreOrgChart(StoreTransaction& store) : store_(store) {}

  std::optional<std::string> ListedManager(const std::string& key) override {
    if (auto person = FindPerson(key); person && !person->profile.manager.empty()) {
      return person->profile.manager == kNoManager ? "" : person->profile.manager;
    }
    if (auto entry = store_.roster().Find(key); entry && !entry->manager.empty()) return entry->manager;
    return std::nullopt;
  }
  std::string EmailOf(const std::string& key) override {
    if (auto person = FindPerson(key); person && !person->profile.email.empty()) return person->profile.email;
    auto entry = store_.roster().Find(key);
    return entry ? entry->email : "";
  }
  std::vector<std::string> KeysWithEmail(const std::string& email) override { return store_.roster().KeysByEmail(email); }

 private:
  std::optional<Person> FindPerson(const std::string& key) {
    auto ref = UserRef::Parse(key);
    return ref ? store_.people().Find(*ref) : std::nullopt;
  }
  StoreTransaction& store_;
};
}  // namespace

std::string ManagerKeyOf(StoreTransaction& store, const std::string& key) {
  StoreOrgChart chart(store);
  return JoinedManagerOf(chart, key);
}

}  // namespace mentorbot
