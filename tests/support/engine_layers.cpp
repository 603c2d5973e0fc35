#include "tests/support/engine_layers.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace mentorbot {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCommands = "commands";
constexpr std::string_view kMayUse = "// May use:";

struct Include {
  int line;
  std::string target;  // as written, e.g. "bot/engine/program/forms.h"
};

struct SourceFile {
  std::string path;  // relative to the source root, '/'-separated
  std::vector<Include> includes;
  std::vector<std::string> may_use_lines;  // text after "// May use:", one per such line
};

std::vector<SourceFile> ReadSources(const fs::path& root, const std::string& area) {
  static const std::regex kInclude(R"re(^\s*#\s*include\s*"([^"]+)")re");
  std::vector<SourceFile> files;
  if (!fs::exists(root / area)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root / area)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".h" && extension != ".cpp")) continue;
    SourceFile file{fs::relative(entry.path(), root).generic_string(), {}, {}};
    std::ifstream in(entry.path());
    std::string text;
    for (int number = 1; std::getline(in, text); ++number) {
      std::smatch match;
      if (std::regex_search(text, match, kInclude)) file.includes.push_back({number, match[1].str()});
      if (text.rfind(kMayUse, 0) == 0) file.may_use_lines.push_back(text.substr(kMayUse.size()));
    }
    files.push_back(std::move(file));
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return files;
}

// "bot/engine/program/forms.h" -> "program"; a top-level file -> "".
std::string RoomOf(const std::string& engine_path) {
  const std::string rest = engine_path.substr(std::string("bot/engine/").size());
  const auto slash = rest.find('/');
  return slash == std::string::npos ? "" : rest.substr(0, slash);
}

bool IsFace(const std::string& engine_path) {
  return engine_path == "bot/engine/engine.h" || engine_path == "bot/engine/engine.cpp";
}

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// " program, roster, time." -> {program, roster, time}; "any capability." -> {"*"}.
std::set<std::string> ParseMayUse(std::string text) {
  std::set<std::string> names;
  std::replace(text.begin(), text.end(), ',', ' ');
  std::replace(text.begin(), text.end(), '.', ' ');
  std::istringstream words(text);
  std::string word;
  while (words >> word) names.insert(word);
  if (names == std::set<std::string>{"any", "capability"}) return {"*"};
  if (names == std::set<std::string>{"only", "the", "shared", "files"}) return {};
  return names;
}

struct Room {
  std::string declared_in;  // the header holding its "May use:" line
  int declarations = 0;
  std::set<std::string> may_use;  // as declared
  std::set<std::string> uses;     // as included
};

class Checker {
 public:
  explicit Checker(const fs::path& root) : root_(root) {}

  std::vector<std::string> Run() {
    CheckOtherAreas();
    const auto engine = ReadSources(root_, "bot/engine");
    CollectRooms(engine);
    for (const auto& file : engine) CheckEngineFile(file);
    CheckDeclarations();
    CheckCycles();
    return problems_;
  }

 private:
  void Problem(const std::string& where, const std::string& why) { problems_.push_back(where + ": " + why); }

  void CheckOtherAreas() {
    const std::vector<std::pair<std::string, std::vector<std::string>>> forbidden = {
        {"bot/core", {"bot/engine/", "bot/app/", "adapters/", "storage/"}},
        {"adapters", {"bot/engine/", "bot/app/"}},
        {"storage", {"bot/engine/", "bot/app/"}},
    };
    for (const auto& [area, prefixes] : forbidden) {
      for (const auto& file : ReadSources(root_, area)) {
        for (const auto& include : file.includes) {
          for (const auto& prefix : prefixes) {
            if (StartsWith(include.target, prefix)) {
              Problem(file.path + ":" + std::to_string(include.line),
                      area + "/ never includes " + prefix + " (" + include.target + ")");
            }
          }
        }
      }
    }
  }

  void CollectRooms(const std::vector<SourceFile>& engine) {
    for (const auto& file : engine) {
      const std::string room = RoomOf(file.path);
      if (room.empty()) continue;
      Room& entry = rooms_[room];
      for (const auto& line : file.may_use_lines) {
        ++entry.declarations;
        entry.declared_in = file.path;
        entry.may_use = ParseMayUse(line);
      }
    }
  }

  void CheckEngineFile(const SourceFile& file) {
    const std::string room = RoomOf(file.path);
    for (const auto& include : file.includes) {
      if (!StartsWith(include.target, "bot/engine/")) continue;
      const std::string where = file.path + ":" + std::to_string(include.line);
      const std::string target_room = RoomOf(include.target);
      if (IsFace(file.path)) continue;  // the face sits above everything
      if (room.empty()) {
        if (!target_room.empty() || IsFace(include.target)) {
          Problem(where, "the shared engine files include only each other (" + include.target + ")");
        }
        continue;
      }
      if (IsFace(include.target)) {
        Problem(where, room + "/ includes the engine's face (" + include.target + ")");
      } else if (target_room == kCommands && room != kCommands) {
        Problem(where, "a capability never includes commands/ (" + include.target + ")");
      } else if (!target_room.empty() && target_room != room) {
        rooms_[room].uses.insert(target_room);
        const auto& may_use = rooms_[room].may_use;
        if (!may_use.count("*") && !may_use.count(target_room)) {
          Problem(where, room + "/ includes " + target_room + "/ but its \"May use:\" line does not list it");
        }
      }
    }
  }

  void CheckDeclarations() {
    for (const auto& [name, room] : rooms_) {
      if (room.declarations != 1) {
        Problem("bot/engine/" + name, "needs exactly one \"// May use:\" line in its central header, has " +
                                          std::to_string(room.declarations));
        continue;
      }
      if (room.may_use.count("*") && name != kCommands) {
        Problem(room.declared_in, "only commands/ may use any capability");
      }
      for (const auto& used : room.may_use) {
        if (used == "*") continue;
        if (!rooms_.count(used)) {
          Problem(room.declared_in, "\"May use:\" names " + used + ", which is no capability");
        } else if (used == kCommands) {
          Problem(room.declared_in, "a capability never uses commands");
        } else if (!room.uses.count(used)) {
          Problem(room.declared_in, "\"May use:\" lists " + used + " but nothing in " + name + "/ includes it");
        }
      }
    }
  }

  // Depth-first over the declared graph; a room met again on the current
  // path closes a cycle, reported once with its whole path.
  void CheckCycles() {
    std::map<std::string, int> state;  // 0 unseen, 1 on the path, 2 done
    std::vector<std::string> path;
    std::function<void(const std::string&)> visit = [&](const std::string& name) {
      state[name] = 1;
      path.push_back(name);
      for (const auto& next : rooms_[name].may_use) {
        if (next == "*" || !rooms_.count(next)) continue;
        if (state[next] == 1) {
          std::string cycle;
          for (auto it = std::find(path.begin(), path.end(), next); it != path.end(); ++it) cycle += *it + " -> ";
          Problem(rooms_[name].declared_in, "capabilities in a cycle: " + cycle + next);
        } else if (state[next] == 0) {
          visit(next);
        }
      }
      path.pop_back();
      state[name] = 2;
    };
    for (const auto& [name, room] : rooms_) {
      if (state[name] == 0) visit(name);
    }
  }

  fs::path root_;
  std::map<std::string, Room> rooms_;
  std::vector<std::string> problems_;
};

}  // namespace

std::vector<std::string> CheckEngineLayers(const fs::path& source_root) { return Checker(source_root).Run(); }

}  // namespace mentorbot
