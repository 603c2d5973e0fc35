// Person: someone enrolled in the program (or who once was), with the profile
// data matching needs. Self-described background is private: it is used for
// matching only and no reply ever shows its text. Value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/core/address.h"
#include "bot/core/clock.h"

namespace mentorbot {

enum class Role { kMentor, kMentee };
std::string_view RoleName(Role role);  // "mentor" / "mentee"
std::optional<Role> ParseRole(std::string_view name);

enum class Enrolment { kActive, kLeft };

struct Profile {
  std::string department;
  std::optional<int> level;  // grade; higher = more senior
  std::string manager;       // UserRef::Key() of the manager, empty if unknown
  std::string time_zone;     // IANA name; empty = the program default
  std::string location;
  std::string background;    // self-described, optional, never shown
  std::string email;         // lower case; where calendar invitations go; empty if unknown
  // Set by the person themselves (`profile set`): the directory and the CSV
  // never overwrite these.
  bool own_time_zone = false;
  bool own_location = false;
};

struct Person {
  std::int64_t id = 0;  // 0 until stored
  UserRef ref;
  std::string display_name;
  Role role = Role::kMentee;
  Enrolment enrolment = Enrolment::kActive;
  Profile profile;
  int capacity = 1;  // mentors: how many mentees at once
  TimePoint joined_at{};
  std::optional<TimePoint> left_at;

  bool active() const { return enrolment == Enrolment::kActive; }
};

}  // namespace mentorbot
