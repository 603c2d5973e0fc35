// Reading a member of untrusted JSON: "" (false) when the value is not an
// object, has no such member, or it is of another type (never a throw, which
// nlohmann's value(name, "") does for a member of another type).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "adapters/common/utf8.h"

namespace mentorbot {

inline std::string StringField(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return {};
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A member of any type; null when absent or `object` is not an object.
inline nlohmann::json Member(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return nlohmann::json();
  auto it = object.find(name);
  return it == object.end() ? nlohmann::json() : *it;
}

// A boolean member: true only when it is there and is the boolean true.
inline bool IsTrue(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return false;
  auto it = object.find(name);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

// The same, with invalid UTF-8 replaced (text a person typed).
inline std::string TextField(const nlohmann::json& object, const char* name) {
  return SanitizeUtf8(StringField(object, name));
}

}  // namespace mentorbot
