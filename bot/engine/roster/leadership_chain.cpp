#include "bot/engine/roster/leadership_chain.h"

#include <unordered_set>

namespace mentorbot {

namespace {
// Walks up from `junior`; the chain to `senior` if met on the way.
std::optional<std::vector<std::string>> ChainUp(const std::string& junior, const std::string& senior,
                                                const ManagerLookup& manager_of) {
  std::vector<std::string> chain = {junior};
  std::unordered_set<std::string> seen = {junior};
  std::string current = junior;
  while (true) {
    std::string manager = manager_of(current);
    if (manager.empty() || !seen.insert(manager).second) return std::nullopt;  // top, or a cycle
    chain.push_back(manager);
    if (manager == senior) return chain;
    current = manager;
  }
}
}  // namespace

std::optional<std::vector<std::string>> ChainBetween(const std::string& a, const std::string& b,
                                                     const ManagerLookup& manager_of) {
  if (a == b) return std::vector<std::string>{a};
  if (auto chain = ChainUp(a, b, manager_of)) return chain;
  return ChainUp(b, a, manager_of);
}

}  // namespace mentorbot
