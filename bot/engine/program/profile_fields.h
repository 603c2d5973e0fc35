// The profile fields a person can set, their validation, and which of them
// matching needs. Pure functions over Profile.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/core/person.h"
#include "bot/core/status.h"

namespace mentorbot {

// The manager value of someone at the top of the organisation (reports to no one).
inline constexpr std::string_view kNoManager = "none";

enum class ProfileField { kName, kDepartment, kLevel, kManager, kTimeZone, kLocation, kBackground, kEmail };

struct ProfileFieldInfo {
  ProfileField field;
  std::string_view name;     // as typed in `profile set <name> <value>`
  std::string_view example;  // a valid value, for help texts
  std::string_view meaning;
};

const std::vector<ProfileFieldInfo>& AllProfileFields();
std::optional<ProfileField> ParseProfileField(std::string_view name);
const ProfileFieldInfo& InfoOf(ProfileField field);

// Validates `value` and stores it in `person`. On a bad value returns
// InvalidArgument with a sentence saying what is wrong; person is unchanged.
Status SetProfileField(Person& person, ProfileField field, std::string_view value);
// Empties an optional field. Name cannot be cleared.
Status ClearProfileField(Person& person, ProfileField field);

// The fields matching needs that are still empty, in a stable order.
std::vector<ProfileField> MissingMatchingFields(const Person& person);

}  // namespace mentorbot
