// Manager loops in a directory's data (A reports to B, B to A): found so
// the sync can report each once. The org chart tolerates them (everyone on a
// loop counts as one chain), so this only tells. Pure; linear in the
// number of people.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mentorbot {

// Each loop once, as the keys on it in reporting order (the first reports
// to the second, …, the last to the first). A self-manager is a loop of one.
std::vector<std::vector<std::string>> FindManagerLoops(const std::vector<std::pair<std::string, std::string>>& managers);

}  // namespace mentorbot
