#include "bot/engine/roster/manager_join.h"

#include "bot/core/roster.h"

namespace mentorbot {

namespace {
bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// "slack:T1:" of "slack:T1:U1"; "" for an "email:…" key, which has no namespace.
std::string NamespaceOf(const std::string& key) {
  if (StartsWith(key, kEmailKeyPrefix)) return "";
  const auto colon = key.rfind(':');
  return colon == std::string::npos ? "" : key.substr(0, colon + 1);
}

std::string EmailOfKey(OrgChartSource& chart, const std::string& key) {
  return StartsWith(key, kEmailKeyPrefix) ? key.substr(kEmailKeyPrefix.size()) : chart.EmailOf(key);
}

// `manager` under their key in `space` where they have one; a manager
// named only by email under any user key with that email.
std::string InSpace(OrgChartSource& chart, const std::string& manager, const std::string& space) {
  if (!space.empty() && StartsWith(manager, space)) return manager;
  const std::string email = EmailOfKey(chart, manager);
  if (email.empty()) return manager;
  const auto keys = chart.KeysWithEmail(email);
  for (const auto& key : keys) {
    if (!space.empty() && StartsWith(key, space)) return key;
  }
  if (StartsWith(manager, kEmailKeyPrefix) && !keys.empty()) return keys.front();
  return manager;
}
}  // namespace

std::string JoinedManagerOf(OrgChartSource& chart, const std::string& key) {
  const std::string space = NamespaceOf(key);
  if (auto listed = chart.ListedManager(key)) return listed->empty() ? "" : InSpace(chart, *listed, space);
  const std::string email = EmailOfKey(chart, key);
  if (email.empty()) return "";
  std::vector<std::string> same_person = chart.KeysWithEmail(email);
  same_person.push_back(std::string(kEmailKeyPrefix) + email);
  for (const auto& other : same_person) {
    if (other == key) continue;
    if (auto listed = chart.ListedManager(other); listed && !listed->empty()) return InSpace(chart, *listed, space);
  }
  return "";
}

}  // namespace mentorbot
