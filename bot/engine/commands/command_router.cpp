#include "bot/engine/commands/command_router.h"

#include <algorithm>
#include <stdexcept>

namespace mentorbot {

namespace {
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool Matches(const CommandSpec& spec, std::string_view verb) {
  return spec.verb == verb || std::find(spec.aliases.begin(), spec.aliases.end(), verb) != spec.aliases.end();
}
}  // namespace

void CommandRouter::Register(CommandSpec spec) {
  if (Find(spec.verb) != nullptr) throw std::logic_error("command registered twice: " + spec.verb);
  commands_.push_back(std::move(spec));
}

const CommandSpec* CommandRouter::Find(std::string_view verb) const {
  for (const auto& spec : commands_) {
    if (Matches(spec, verb)) return &spec;
  }
  return nullptr;
}

const CommandSpec* CommandRouter::Suggest(std::string_view verb) const {
  if (verb.empty()) return nullptr;
  const CommandSpec* best = nullptr;
  std::size_t best_distance = verb.size() <= 4 ? 1 : 2;  // short words: only a single slip
  for (const auto& spec : commands_) {
    const std::size_t distance = EditDistance(verb, spec.verb);
    if (distance <= best_distance) {
      best = &spec;
      best_distance = distance;
    }
  }
  return best;
}

std::vector<const CommandSpec*> CommandRouter::Available(const CommandContext& context) const {
  std::vector<const CommandSpec*> available;
  for (const auto& spec : commands_) {
    bool shown = false;
    switch (spec.audience) {
      case Audience::kAnyone: shown = true; break;
      case Audience::kNotEnrolled: shown = !context.enrolled(); break;
      case Audience::kEnrolled:
        shown = context.enrolled() && (!spec.role || context.person->role == *spec.role);
        break;
      case Audience::kAdmin: shown = context.is_admin; break;
    }
    if (shown) available.push_back(&spec);
  }
  return available;
}

}  // namespace mentorbot
