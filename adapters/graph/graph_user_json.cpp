#include "adapters/graph/graph_user_json.h"

#include <optional>

#include "adapters/common/ascii_case.h"
#include "adapters/common/utf8.h"

namespace mentorbot {

namespace {

using nlohmann::json;

// A string property: nullopt when absent, "" when null; false when of another type.
bool ReadText(const json& user, const char* name, std::optional<std::string>& out, std::string& problem) {
  auto it = user.find(name);
  if (it == user.end()) return true;
  if (it->is_null()) {
    out = "";
  } else if (it->is_string()) {
    out = SanitizeUtf8(it->get<std::string>());
  } else {
    problem = std::string(name) + " is not a string";
    return false;
  }
  return true;
}

// The manager `manager@delta` names: the last entry not removed, else ""
// (only removed entries, or none: the manager was taken away).
bool ReadManager(const json& user, std::optional<std::string>& out, std::string& problem) {
  auto it = user.find("manager@delta");
  if (it == user.end() || it->is_null()) return true;
  if (!it->is_array()) {
    problem = "manager@delta is not a list";
    return false;
  }
  std::string manager;
  for (const json& object : *it) {
    auto id = object.is_object() ? object.find("id") : object.end();
    if (id == object.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
      problem = "manager@delta names an object without an id";
      return false;
    }
    if (!object.contains("@removed")) manager = id->get<std::string>();
  }
  out = manager;
  return true;
}

std::optional<std::string> Email(const std::optional<std::string>& mail, const std::optional<std::string>& upn) {
  if (mail && !mail->empty()) return AsciiLower(*mail);
  if (upn && UpnLooksLikeEmail(*upn)) return AsciiLower(*upn);
  if (mail || upn) return std::string();  // named, and neither is an address
  return std::nullopt;                    // neither changed
}

}  // namespace

bool UpnLooksLikeEmail(const std::string& upn) {
  const auto at = upn.find('@');
  if (at == std::string::npos || at == 0 || upn.find('@', at + 1) != std::string::npos) return false;
  if (upn.find("#EXT#") != std::string::npos || upn.find("#ext#") != std::string::npos) return false;
  const auto dot = upn.find('.', at + 1);
  return dot != std::string::npos && dot > at + 1 && dot + 1 < upn.size();
}

std::variant<DirectoryEntry, DirectoryProblem> ReadGraphUser(const json& user, bool full) {
  auto id = user.is_object() ? user.find("id") : user.end();
  if (id == user.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    return DirectoryProblem{"", "a user without an id"};
  }
  DirectoryEntry entry;
  entry.id = id->get<std::string>();
  if (auto removed = user.find("@removed"); removed != user.end()) {
    entry.removed = true;  // reason "changed" (soft-deleted) or "deleted": gone either way
    return entry;
  }
  std::string problem;
  std::optional<std::string> mail;
  std::optional<std::string> upn;
  const bool read =
      ReadText(user, "displayName", entry.display_name, problem) && ReadText(user, "mail", mail, problem) &&
      ReadText(user, "userPrincipalName", upn, problem) && ReadText(user, "department", entry.department, problem) &&
      ReadText(user, "jobTitle", entry.job_title, problem) &&
      ReadText(user, "officeLocation", entry.location, problem) && ReadManager(user, entry.manager_id, problem);
  if (!read) return DirectoryProblem{entry.id, problem};
  if (auto enabled = user.find("accountEnabled"); enabled != user.end() && !enabled->is_null()) {
    if (!enabled->is_boolean()) return DirectoryProblem{entry.id, "accountEnabled is not a boolean"};
    entry.active = enabled->get<bool>();
  }
  entry.email = Email(mail, upn);
  if (full) {  // a full round names every property that has a value
    for (auto* field :
         {&entry.display_name, &entry.email, &entry.department, &entry.job_title, &entry.location, &entry.manager_id}) {
      if (!*field) *field = "";
    }
  }
  return entry;
}

}  // namespace mentorbot
