#include "bot/core/person.h"

namespace mentorbot {

std::string_view RoleName(Role role) { return role == Role::kMentor ? "mentor" : "mentee"; }

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "mentor") return Role::kMentor;
  if (name == "mentee") return Role::kMentee;
  return std::nullopt;
}

}  // namespace mentorbot
