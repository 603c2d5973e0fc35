#include "bot/engine/matching/cohort.h"

#include <unordered_map>

#include "bot/engine/program/profile_fields.h"

namespace mentorbot {

namespace {
MatchCandidate CandidateOf(const Person& person, int free_places) {
  return MatchCandidate{person.ref.Key(), person.profile.department, person.profile.level, person.profile.location,
                        person.profile.time_zone, person.profile.background, free_places};
}

// Enrolled people's own profiles win over the roster, which also covers
// managers who never enrolled.
std::vector<std::pair<std::string, std::string>> OrgChart(StoreTransaction& store, const std::vector<Person>& active) {
  std::unordered_map<std::string, std::string> manager_of;
  for (auto& [key, manager] : store.roster().ListManagers()) manager_of[key] = manager;
  for (const auto& person : active) {
    if (person.profile.manager.empty()) continue;
    manager_of[person.ref.Key()] = person.profile.manager == kNoManager ? "" : person.profile.manager;
  }
  // Managers first named by email are linked to their id once an import gave both.
  std::unordered_map<std::string, std::string> key_of_email;
  for (auto& [email, key] : store.roster().ListEmailKeys()) key_of_email.emplace(std::string(kEmailKeyPrefix) + email, key);
  std::vector<std::pair<std::string, std::string>> chart;
  for (auto& [key, manager] : manager_of) {
    if (manager.empty()) continue;
    auto linked = key_of_email.find(manager);
    chart.emplace_back(key, linked == key_of_email.end() ? manager : linked->second);
  }
  return chart;
}
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
  cohort.input.managers = OrgChart(store, active);
  for (auto [mentor, mentee] : store.pairs().ListEverPaired()) {
    auto a = key_of.find(mentor), b = key_of.find(mentee);
    if (a != key_of.end() && b != key_of.end()) cohort.input.already_met.emplace(a->second, b->second);
  }
  for (auto& pair : store.roster().ListDoNotPair()) cohort.input.do_not_pair.insert(pair);
  return cohort;
}

}  // namespace mentorbot
