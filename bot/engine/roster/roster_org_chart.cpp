#include "bot/engine/roster/roster_org_chart.h"

#include <unordered_map>

#include "bot/engine/command_text.h"
#include "bot/engine/program/mention.h"

namespace mentorbot {

namespace {
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// A loop through thousands of rows is reported on each of them: name only its
// first few steps so the problem list stays linear in the size of the file.
constexpr std::size_t kLoopStepsShown = 6;

// Where each person first appears: by key and by email, as draft indexes.
struct RosterIndex {
  std::unordered_map<std::string, std::size_t> by_key;
  std::unordered_map<std::string, std::size_t> by_email;
};

std::string SamePersonAs(int line) { return "the same person as line " + std::to_string(line); }

RosterIndex IndexPeople(std::vector<RosterDraft>& drafts) {
  RosterIndex index;
  index.by_key.reserve(drafts.size());
  index.by_email.reserve(drafts.size());
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const RosterRow& row = drafts[i].row;
    if (row.key.empty()) continue;
    if (auto it = index.by_key.find(row.key); it != index.by_key.end()) {
      drafts[i].reasons.push_back(SamePersonAs(drafts[it->second].row.line));
      continue;
    }
    if (!row.email.empty()) {
      if (auto it = index.by_email.find(row.email); it != index.by_email.end()) {
        drafts[i].reasons.push_back(SamePersonAs(drafts[it->second].row.line));
        continue;
      }
      index.by_email.emplace(row.email, i);
    }
    index.by_key.emplace(row.key, i);
  }
  return index;
}

// The manager's key, or nullopt when the text names no one.
std::optional<std::string> ResolveManager(const std::string& text, const RosterIndex& index,
                                          const std::vector<RosterDraft>& drafts,
                                          const std::optional<UserRef>& workspace_of) {
  // An email of someone in the file wins: it maps to their id, if they have one.
  if (auto it = index.by_email.find(ToLower(text)); it != index.by_email.end()) {
    return drafts[it->second].row.key;
  }
  // A row's key is its id's user key, so an id names that row whatever form it is in.
  if (auto id = ParseRosterId(text, workspace_of)) return id->Key();
  // The manager need not be in the file (an executive not in the program).
  if (auto email = ParseEmailAddress(text)) return "email:" + *email;
  return std::nullopt;
}

std::string DescribeLoop(const std::vector<RosterDraft>& drafts, const std::vector<std::size_t>& loop,
                         std::size_t start) {
  std::string text = "the manager chain loops: line " + std::to_string(drafts[loop[start]].row.line);
  for (std::size_t step = 1; step < loop.size(); ++step) {
    if (step == kLoopStepsShown) {
      text += " → … (" + std::to_string(loop.size()) + " people)";
      break;
    }
    text += " → line " + std::to_string(drafts[loop[(start + step) % loop.size()]].row.line);
  }
  return text + " → line " + std::to_string(drafts[loop[start]].row.line);
}

// Each person has at most one manager, so following managers from any row
// either ends or enters a loop. Every row is walked once: a walk stops at a
// row an earlier walk visited.
void ReportLoops(std::vector<RosterDraft>& drafts, const RosterIndex& index) {
  std::vector<std::size_t> next(drafts.size(), kNone);
  for (const auto& [key, i] : index.by_key) {
    auto it = index.by_key.find(drafts[i].row.manager);
    if (it != index.by_key.end()) next[i] = it->second;  // never i: LinkRoster refuses self-managers
  }
  std::vector<std::size_t> walk_of(drafts.size(), kNone);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < drafts.size(); ++start) {
    if (walk_of[start] != kNone) continue;
    path.clear();
    std::size_t at = start;
    while (at != kNone && walk_of[at] == kNone) {
      walk_of[at] = start;
      path.push_back(at);
      at = next[at];
    }
    if (at == kNone || walk_of[at] != start) continue;  // ended, or joined an earlier walk
    std::size_t first = path.size();
    while (path[first - 1] != at) --first;
    const std::vector<std::size_t> loop(path.begin() + static_cast<std::ptrdiff_t>(first - 1), path.end());
    for (std::size_t k = 0; k < loop.size(); ++k) drafts[loop[k]].reasons.push_back(DescribeLoop(drafts, loop, k));
  }
}
}  // namespace

std::optional<UserRef> ParseRosterId(std::string_view text, const std::optional<UserRef>& workspace_of) {
  text = Trim(text);
  if (workspace_of) return ParseMention(text, *workspace_of);
  return UserRef::Parse(text);
}

void LinkRoster(std::vector<RosterDraft>& drafts, const std::optional<UserRef>& workspace_of) {
  const RosterIndex index = IndexPeople(drafts);
  for (RosterDraft& draft : drafts) {
    const std::string& text = draft.manager_text;
    if (text.empty() || ToLower(text) == "none") continue;
    auto manager = ResolveManager(text, index, drafts, workspace_of);
    if (!manager) {
      draft.reasons.push_back("manager '" + text + "' is neither an id nor an email" +
                              (workspace_of ? "" : " (ids must be full user keys such as slack:T123:U456)"));
    } else if (*manager == draft.row.key) {
      draft.reasons.push_back("the manager '" + text + "' is the person themselves");
    } else {
      draft.row.manager = std::move(*manager);
    }
  }
  ReportLoops(drafts, index);
}

}  // namespace mentorbot
