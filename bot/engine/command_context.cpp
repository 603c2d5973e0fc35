#include "bot/engine/command_context.h"

namespace mentorbot {

std::string CommandContext::Typed(std::string_view command) const {
  auto prefix = settings.command_prefix.find(actor().platform);
  std::string typed = prefix == settings.command_prefix.end() ? "" : prefix->second;
  typed += command;
  return typed;
}

const ProgramRules& CommandContext::rules() {
  if (!rules_) rules_ = LoadRules(store.program());
  return *rules_;
}

std::string CommandContext::TimeZone() const {
  if (person && !person->profile.time_zone.empty()) return person->profile.time_zone;
  return settings.default_time_zone;
}

}  // namespace mentorbot
