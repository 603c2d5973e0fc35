#include "adapters/slack/user_directory.h"

#include <nlohmann/json.hpp>

#include "adapters/common/json_fields.h"

namespace mentorbot {

SlackUserDirectory::SlackUserDirectory(std::string api_base_url, std::string bot_token, HttpClient& client)
    : api_base_url_(std::move(api_base_url)), bot_token_(std::move(bot_token)), client_(client) {
  while (!api_base_url_.empty() && api_base_url_.back() == '/') api_base_url_.pop_back();
}

StatusOr<DirectoryProfile> SlackUserDirectory::Lookup(const UserRef& user) {
  // users.info is a read method: Slack takes it form-encoded. Ids are [A-Z0-9].
  auto response = client_.Post(api_base_url_ + "/users.info", {{"Authorization", "Bearer " + bot_token_}},
                               "user=" + user.user_id, "application/x-www-form-urlencoded");
  if (!response.ok()) return Status::Unavailable("users.info: " + response.status().message());
  if (response->status != 200) return Status::Unavailable("users.info: http " + std::to_string(response->status));
  const auto parsed = nlohmann::json::parse(response->body, nullptr, false);
  if (!IsTrue(parsed, "ok")) {
    std::string error = StringField(parsed, "error");
    if (error.empty()) error = "malformed response";
    if (error == "user_not_found" || error == "users_not_found") return Status::NotFound("users.info: " + error);
    return Status::Unavailable("users.info: " + error);
  }
  // Members of the wrong type are read as absent (untrusted JSON never throws).
  DirectoryProfile profile;
  const auto user_it = parsed.find("user");
  if (user_it != parsed.end() && user_it->is_object()) {
    const nlohmann::json& found = *user_it;
    profile.time_zone = StringField(found, "tz");
    const auto details_it = found.find("profile");
    const nlohmann::json details = details_it != found.end() ? *details_it : nlohmann::json();
    profile.display_name = TextField(details, "display_name");
    if (profile.display_name.empty()) profile.display_name = TextField(details, "real_name");
    if (profile.display_name.empty()) profile.display_name = TextField(found, "real_name");
    profile.email = StringField(details, "email");
  }
  return profile;
}

}  // namespace mentorbot
