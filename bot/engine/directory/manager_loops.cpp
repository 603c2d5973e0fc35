#include "bot/engine/directory/manager_loops.h"

#include <unordered_map>

namespace mentorbot {

std::vector<std::vector<std::string>> FindManagerLoops(const std::vector<std::pair<std::string, std::string>>& managers) {
  std::unordered_map<std::string, std::string> manager_of;
  for (const auto& [key, manager] : managers) manager_of.emplace(key, manager);
  // 0 unseen, 1 on the walk now, 2 done. Each person is walked through once.
  std::unordered_map<std::string, int> state;
  std::vector<std::vector<std::string>> loops;
  for (const auto& [start, unused] : managers) {
    if (state[start] != 0) continue;
    std::vector<std::string> walk;
    std::string at = start;
    while (true) {
      int& seen = state[at];
      if (seen == 2) break;
      if (seen == 1) {  // back on this walk: the loop is the walk from `at` on
        std::vector<std::string> loop;
        bool in = false;
        for (const auto& key : walk) {
          if (key == at) in = true;
          if (in) loop.push_back(key);
        }
        loops.push_back(std::move(loop));
        break;
      }
      seen = 1;
      walk.push_back(at);
      const auto next = manager_of.find(at);
      if (next == manager_of.end() || next->second.empty()) break;
      at = next->second;
    }
    for (const auto& key : walk) state[key] = 2;
  }
  return loops;
}

}  // namespace mentorbot
