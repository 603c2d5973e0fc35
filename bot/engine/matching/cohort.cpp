#include "bot/engine/matching/cohort.h"

#include <set>
#include <unordered_map>

#include "bot/engine/program/profile_fields.h"
#include "bot/engine/roster/manager_join.h"

namespace mentorbot {

namespace {
MatchCandidate CandidateOf(const Person& person, int free_places) {
  return MatchCandidate{person.ref.Key(), person.profile.department, person.profile.level, person.profile.location,
                        person.profile.time_zone, person.profile.background, free_places};
}

// The org chart loaded in bulk for the matcher: enrolled people's own
// profiles over the roster (which also covers managers who never
// enrolled), joined across keys by email as ManagerKeyOf does.
class LoadedOrgChart : public OrgChartSource {
 public:
  LoadedOrgChart(StoreTransaction& store, const std::vector<Person>& active) {
    for (auto& [key, manager] : store.roster().ListManagers()) listed_[key] = manager;
    for (const auto& person : active) {
      if (person.profile.manager.empty()) continue;
      listed_[person.ref.Key()] = person.profile.manager == kNoManager ? "" : person.profile.manager;
    }
    for (auto& [email, key] : store.roster().ListEmailKeys()) {
      keys_of_email_[email].push_back(key);
      email_of_.emplace(key, email);
    }
  }
  std::optional<std::string> ListedManager(const std::string& key) override {
    auto it = listed_.find(key);
    return it == listed_.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::string EmailOf(const std::string& key) override {
    auto it = email_of_.find(key);
    return it == email_of_.end() ? "" : it->second;
  }
  std::vector<std::string> KeysWithEmail(const std::string& email) override {
    auto it = keys_of_email_.find(email);
    return it == keys_of_email_.end() ? std::vector<std::string>{} : it->second;
  }

  // (person, manager) for everyone with a known manager.
  std::vector<std::pair<std::string, std::string>> Edges() {
    std::set<std::string> keys;
    for (const auto& [key, manager] : listed_) keys.insert(key);
    for (const auto& [key, email] : email_of_) keys.insert(key);
    std::vector<std::pair<std::string, std::string>> chart;
    for (const auto& key : keys) {
      if (std::string manager = JoinedManagerOf(*this, key); !manager.empty()) chart.emplace_back(key, std::move(manager));
    }
    return chart;
  }

 private:
  std::unordered_map<std::string, std::string> listed_;
  std::unordered_map<std::string, std::string> email_of_;
  std::unordered_map<std::string, std::vector<std::string>> keys_of_email_;  // by key, as listed
};
}  // namespace

Cohort LoadCohort(StoreTransaction& store, const ProgramRules& rules, const std::string& default_time_zone,
                  TimePoint now) {
  Cohort cohort;
  cohort.input.weights = rules.match;
  cohort.input.default_time_zone = default_time_zone;
  cohort.input.at = now;

  const std::vector<Person> active = store.people().ListActive();
  std::unordered_map<std::int64_t, int> open_pairs;
  for (const auto& pair : store.pairs().ListOpen()) {
    ++open_pairs[pair.mentor_id];
    ++open_pairs[pair.mentee_id];
  }
  std::unordered_map<std::int64_t, std::string> key_of;
  for (const auto& person : active) {
    key_of[person.id] = person.ref.Key();
    const int taken = open_pairs[person.id];
    if (person.role == Role::kMentor && taken < person.capacity) {
      cohort.input.mentors.push_back(CandidateOf(person, person.capacity - taken));
    } else if (person.role == Role::kMentee && taken == 0) {
      cohort.input.mentees.push_back(CandidateOf(person, 1));
    } else {
      continue;
    }
    cohort.people.emplace(person.ref.Key(), person);
  }
  cohort.input.managers = LoadedOrgChart(store, active).Edges();
  for (auto [mentor, mentee] : store.pairs().ListEverPaired()) {
    auto a = key_of.find(mentor), b = key_of.find(mentee);
    if (a != key_of.end() && b != key_of.end()) cohort.input.already_met.emplace(a->second, b->second);
  }
  for (auto& pair : store.roster().ListDoNotPair()) cohort.input.do_not_pair.insert(pair);
  return cohort;
}

}  // namespace mentorbot
