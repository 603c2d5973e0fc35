#include "bot/engine/program/profile_fields.h"

#include <charconv>

#include "bot/engine/command_text.h"
#include "bot/engine/program/mention.h"
#include "bot/engine/time/time_zone.h"

namespace mentorbot {

namespace {
constexpr std::size_t kMaxTextLength = 200;
constexpr std::size_t kMaxBackgroundLength = 1000;
constexpr int kMaxLevel = 99;

Status SetText(std::string& target, std::string_view value, std::string_view field, std::size_t max) {
  if (value.size() > max) {
    return Status::InvalidArgument(std::string(field) + " can be at most " + std::to_string(max) +
                                   " characters.");
  }
  target = std::string(value);
  return Status::Ok();
}

Status SetLevel(Person& person, std::string_view value) {
  // Organisations write grades as "5" or "L5"; both mean level 5.
  if (!value.empty() && (value.front() == 'L' || value.front() == 'l')) value.remove_prefix(1);
  int level = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), level);
  if (error != std::errc() || end != value.data() + value.size() || level < 1 || level > kMaxLevel) {
    return Status::InvalidArgument("level must be a whole number from 1 to 99 (higher = more senior), "
                                   "e.g. 4 or L4.");
  }
  person.profile.level = level;
  return Status::Ok();
}

Status SetManager(Person& person, std::string_view value) {
  if (ToLower(value) == kNoManager) {
    person.profile.manager = std::string(kNoManager);
    return Status::Ok();
  }
  auto manager = ParseMention(value, person.ref);
  if (!manager) {
    return Status::InvalidArgument("manager must name one person, e.g. @their-name (a mention) or "
                                   "their user id, or be `none` if you report to no one.");
  }
  if (*manager == person.ref) return Status::InvalidArgument("you cannot be your own manager.");
  person.profile.manager = manager->Key();
  return Status::Ok();
}

Status SetEmail(Person& person, std::string_view value) {
  auto email = ParseEmailAddress(value);
  if (!email) return Status::InvalidArgument("email must be an address like sam.lee@example.com.");
  person.profile.email = *email;
  return Status::Ok();
}

Status SetTimeZone(Person& person, std::string_view value) {
  auto zone = CanonicalTimeZone(value);
  if (!zone) {
    return Status::InvalidArgument("\"" + std::string(value) +
                                   "\" is not a time zone I know. Use an IANA name such as "
                                   "Europe/Berlin, America/New_York or Asia/Kolkata.");
  }
  person.profile.time_zone = *zone;
  return Status::Ok();
}
}  // namespace

const std::vector<ProfileFieldInfo>& AllProfileFields() {
  static const std::vector<ProfileFieldInfo> fields = {
      {ProfileField::kName, "name", "Sam Lee", "how the bot names you to others"},
      {ProfileField::kDepartment, "department", "Finance", "your department"},
      {ProfileField::kLevel, "level", "4", "your grade, higher = more senior"},
      {ProfileField::kManager, "manager", "@their-name", "who you report to"},
      {ProfileField::kTimeZone, "timezone", "Europe/Berlin", "where your day starts and ends"},
      {ProfileField::kLocation, "location", "Lisbon", "your office or city"},
      {ProfileField::kBackground, "background", "first-generation graduate",
       "self-described; used for matching only, never shown"},
      {ProfileField::kEmail, "email", "sam.lee@example.com", "where calendar invitations for your sessions go"},
  };
  return fields;
}

std::optional<ProfileField> ParseProfileField(std::string_view name) {
  const std::string lower = ToLower(name);
  if (lower == "tz" || lower == "time_zone" || lower == "time-zone") return ProfileField::kTimeZone;
  if (lower == "dept") return ProfileField::kDepartment;
  for (const auto& info : AllProfileFields()) {
    if (info.name == lower) return info.field;
  }
  return std::nullopt;
}

const ProfileFieldInfo& InfoOf(ProfileField field) {
  for (const auto& info : AllProfileFields()) {
    if (info.field == field) return info;
  }
  return AllProfileFields().front();
}

Status SetProfileField(Person& person, ProfileField field, std::string_view value) {
  value = Trim(value);
  if (value.empty()) {
    return Status::InvalidArgument("give a value, e.g. profile set " + std::string(InfoOf(field).name) +
                                   " " + std::string(InfoOf(field).example) + ".");
  }
  switch (field) {
    case ProfileField::kName: return SetText(person.display_name, value, "name", kMaxTextLength);
    case ProfileField::kDepartment:
      return SetText(person.profile.department, value, "department", kMaxTextLength);
    case ProfileField::kLevel: return SetLevel(person, value);
    case ProfileField::kManager: return SetManager(person, value);
    // The person's own zone and location win over the directory and the CSV.
    case ProfileField::kTimeZone: {
      Status set = SetTimeZone(person, value);
      if (set.ok()) person.profile.own_time_zone = true;
      return set;
    }
    case ProfileField::kLocation: {
      Status set = SetText(person.profile.location, value, "location", kMaxTextLength);
      if (set.ok()) person.profile.own_location = true;
      return set;
    }
    case ProfileField::kBackground:
      return SetText(person.profile.background, value, "background", kMaxBackgroundLength);
    case ProfileField::kEmail: return SetEmail(person, value);
  }
  return Status::InvalidArgument("unknown field");
}

Status ClearProfileField(Person& person, ProfileField field) {
  switch (field) {
    case ProfileField::kName:
      return Status::InvalidArgument("your name cannot be empty; set another one instead.");
    case ProfileField::kDepartment: person.profile.department.clear(); break;
    case ProfileField::kLevel: person.profile.level.reset(); break;
    case ProfileField::kManager: person.profile.manager.clear(); break;
    case ProfileField::kTimeZone:
      person.profile.time_zone.clear();
      person.profile.own_time_zone = false;
      break;
    case ProfileField::kLocation:
      person.profile.location.clear();
      person.profile.own_location = false;
      break;
    case ProfileField::kBackground: person.profile.background.clear(); break;
    case ProfileField::kEmail: person.profile.email.clear(); break;
  }
  return Status::Ok();
}

std::vector<ProfileField> MissingMatchingFields(const Person& person) {
  std::vector<ProfileField> missing;
  if (person.profile.department.empty()) missing.push_back(ProfileField::kDepartment);
  if (!person.profile.level) missing.push_back(ProfileField::kLevel);
  if (person.profile.manager.empty()) missing.push_back(ProfileField::kManager);
  if (person.profile.time_zone.empty()) missing.push_back(ProfileField::kTimeZone);
  return missing;
}

}  // namespace mentorbot
