#include "adapters/slack/user_directory.h"

#include <nlohmann/json.hpp>

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
  if (!parsed.is_object() || !parsed.value("ok", false)) {
    const std::string error = parsed.is_object() ? parsed.value("error", std::string("malformed response"))
                                                 : std::string("malformed response");
    if (error == "user_not_found" || error == "users_not_found") return Status::NotFound("users.info: " + error);
    return Status::Unavailable("users.info: " + error);
  }
  DirectoryProfile profile;
  const auto& found = parsed.value("user", nlohmann::json::object());
  if (found.is_object()) {
    profile.time_zone = found.value("tz", std::string());
    const auto& details = found.value("profile", nlohmann::json::object());
    if (details.is_object()) profile.display_name = details.value("display_name", std::string());
    if (profile.display_name.empty() && details.is_object()) profile.display_name = details.value("real_name", std::string());
    if (profile.display_name.empty()) profile.display_name = found.value("real_name", std::string());
  }
  return profile;
}

}  // namespace mentorbot
