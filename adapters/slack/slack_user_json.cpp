#include "adapters/slack/slack_user_json.h"

#include <algorithm>

#include "adapters/common/json_fields.h"
#include "adapters/common/utf8.h"

namespace mentorbot {

namespace {
using nlohmann::json;

// A member without copying it; null when absent or `object` is not an object.
const json& Find(const json& object, const char* name) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(name);
  return it == object.end() ? kNull : *it;
}

// Reads members of one object, remembering the first of the wrong type.
class MemberReader {
 public:
  MemberReader(const json& object, std::string where, std::string& error)
      : object_(object), where_(std::move(where)), error_(error) {}

  // nullopt when absent or null; a string of the wrong type is an error.
  std::optional<std::string> Text(const char* name) {
    const json& value = Find(object_, name);
    if (value.is_null()) return std::nullopt;
    if (!value.is_string()) {
      Wrong(name, "a string");
      return std::nullopt;
    }
    return SanitizeUtf8(value.get<std::string>());
  }
  // The same, with "" read as absent.
  std::optional<std::string> NonEmptyText(const char* name) {
    auto text = Text(name);
    return text && !text->empty() ? text : std::nullopt;
  }
  std::optional<bool> Flag(const char* name) {
    const json& value = Find(object_, name);
    if (value.is_null()) return std::nullopt;
    if (!value.is_boolean()) {
      Wrong(name, "a boolean");
      return std::nullopt;
    }
    return value.get<bool>();
  }

 private:
  void Wrong(const char* name, const char* type) {
    if (error_.empty()) error_ = where_ + name + " is not " + type;
  }
  const json& object_;
  std::string where_;
  std::string& error_;
};

std::string AsciiLower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return text;
}
}  // namespace

bool IsSlackUserId(const std::string& id) {
  return !id.empty() && id.size() <= 32 &&
         std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

StatusOr<DirectoryEntry> ParseSlackUser(const nlohmann::json& user) {
  if (!user.is_object()) return Status::InvalidArgument("user is not an object");
  DirectoryEntry entry;
  entry.id = StringField(user, "id");
  if (!IsSlackUserId(entry.id)) return Status::InvalidArgument("user without a valid id");
  const json& profile = Find(user, "profile");
  if (!profile.is_null() && !profile.is_object()) return Status::InvalidArgument("profile is not an object");

  std::string error;
  MemberReader top(user, "", error);
  MemberReader details(profile, "profile.", error);
  entry.display_name = details.NonEmptyText("display_name");
  if (!entry.display_name) entry.display_name = details.NonEmptyText("real_name");
  if (!entry.display_name) entry.display_name = top.NonEmptyText("real_name");
  if (auto email = details.NonEmptyText("email")) entry.email = AsciiLower(*email);
  entry.time_zone = top.NonEmptyText("tz");
  entry.job_title = details.Text("title");  // "" is Slack saying "no title"
  if (auto deleted = top.Flag("deleted")) entry.active = !*deleted;
  entry.bot = top.Flag("is_bot").value_or(false) || entry.id == "USLACKBOT";
  if (!error.empty()) return Status::InvalidArgument(error);
  return entry;
}

}  // namespace mentorbot
