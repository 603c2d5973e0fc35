#include "tests/support/generated_roster.h"

#include <cstdio>

namespace mentorbot {

namespace {
constexpr int kFanOut = 5;
const char* const kDepartments[] = {"Finance", "Engineering", "Sales", "People", "Operations"};
const char* const kLocations[][2] = {{"Berlin", "Europe/Berlin"},     {"Lagos", "Africa/Lagos"},
                                     {"Sao Paulo", "America/Sao_Paulo"}, {"Singapore", "Asia/Singapore"},
                                     {"Toronto", "America/Toronto"}};
const int kLevelByDepth[] = {12, 10, 8, 5, 3, 2, 1};

std::string Id(int index) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U%04d", index);
  return buffer;
}

int Depth(int index) {
  int depth = 0;
  for (; index > 0; index = (index - 1) / kFanOut) ++depth;
  return depth;
}

// The index of the top-level branch (depth 1) the person is in; 0 for the root.
int Branch(int index) {
  while (index > kFanOut) index = (index - 1) / kFanOut;
  return index;
}

bool Manages(const GeneratedRoster& roster, const std::string& boss, std::string person) {
  for (int hops = 0; hops < 64; ++hops) {
    auto up = roster.manager.find(person);
    if (up == roster.manager.end()) return false;
    if (up->second == boss) return true;
    person = up->second;
  }
  return false;
}
}  // namespace

bool GeneratedRoster::SameChain(const std::string& a, const std::string& b) const {
  return Manages(*this, a, b) || Manages(*this, b, a);
}

int GeneratedRoster::TotalCapacity() const {
  int total = 0;
  for (const auto& [key, places] : capacity) total += places;
  return total;
}

int GeneratedRoster::Mentees() const {
  int count = 0;
  for (const auto& [key, what] : role) count += what == "mentee";
  return count;
}

GeneratedRoster GenerateRoster(int people) {
  GeneratedRoster roster;
  roster.csv = "id,email,name,department,level,manager,location,time zone,role,capacity,background\n";
  int junior = 0;
  for (int i = 0; i < people; ++i) {
    const int depth = Depth(i);
    const std::string id = Id(i);
    const std::string key = "slack:" + roster.workspace + ":" + id;
    roster.keys.push_back(key);
    const auto& [location, zone] = kLocations[(i * 7) % 5];
    std::string manager_column;
    if (i > 0) {
      const int boss = (i - 1) / kFanOut;
      roster.manager[key] = "slack:" + roster.workspace + ":" + Id(boss);
      // Deeper rows name their manager by email, as HR exports often do.
      manager_column = depth >= 3 ? "u" + std::to_string(boss) + "@example.com" : Id(boss);
    }
    std::string role, capacity;
    if (depth == 1 || depth == 2) {
      role = "mentee";
    } else if (depth >= 4 && junior++ % 4 == 0) {
      role = "mentor";
      const int places = junior % 3 == 0 ? 2 : 1;
      capacity = std::to_string(places);
      roster.capacity[key] = places;
    }
    if (!role.empty()) roster.role[key] = role;
    const char* department = i == 0 ? "Executive" : kDepartments[(Branch(i) - 1) % 5];
    const std::string background = (i % 3 == 0) ? "first-generation graduate, grew up rural"
                                   : (i % 3 == 1) ? "career changer from nursing" : "";
    roster.csv += id + ",u" + std::to_string(i) + "@example.com,Person " + std::to_string(i) + "," + department + "," +
                  std::to_string(kLevelByDepth[depth < 7 ? depth : 6]) + "," + manager_column + "," + location + "," +
                  zone + "," + (role.empty() ? "none" : role) + "," + capacity + ",\"" + background + "\"\n";
  }
  return roster;
}

}  // namespace mentorbot
