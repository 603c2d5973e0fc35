#include "tests/support/fake_slack_directory.h"

#include <algorithm>
#include <charconv>

#include "adapters/common/base64url.h"

namespace mentorbot {

namespace {
using nlohmann::json;

constexpr int kMaxLimit = 1000;          // "specify a limit value under 1000"
constexpr std::size_t kUnpagedMax = 500;  // larger sets without a limit: limit_required

json Error(const std::string& error) { return json{{"ok", false}, {"error", error}}; }

std::string Field(const json& body, const char* name) {
  return body.is_object() && body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : std::string();
}

// Opaque to clients; base64 of "user:<id>" with padding, as Slack's look.
std::string CursorFor(const std::string& id) {
  std::string cursor = Base64UrlEncode("user:" + id);
  while (cursor.size() % 4 != 0) cursor += '=';
  return cursor;
}

std::optional<std::string> IdOfCursor(const std::string& cursor) {
  auto decoded = Base64UrlDecode(cursor);
  if (!decoded || decoded->rfind("user:", 0) != 0) return std::nullopt;
  return decoded->substr(5);
}

json UserObject(const FakeSlackMember& member, const std::string& team) {
  if (member.raw) return *member.raw;
  json profile{{"title", member.title},
               {"real_name", member.real_name},
               {"display_name", member.display_name},
               {"team", team}};
  if (!member.email.empty()) profile["email"] = member.email;
  json user{{"id", member.id},       {"team_id", team},          {"name", member.display_name},
            {"deleted", member.deleted}, {"real_name", member.real_name}, {"is_bot", member.is_bot},
            {"profile", profile}};
  if (!member.deleted) user["tz"] = member.tz;  // deactivated accounts carry less
  return user;
}
}  // namespace

json FakeSlackDirectory::Answer(const std::string& method, const json& body) const {
  std::lock_guard lock(mutex_);
  if (method == "auth.test") {
    return json{{"ok", true},          {"url", "https://fake.slack.com/"}, {"team", "Fake Workspace"},
                {"user", "mentorbot"}, {"team_id", team_id_},             {"user_id", "UBOT"},
                {"bot_id", "B0BOT"}};
  }
  if (method == "users.list") return List(body);
  if (method == "users.profile.get") return Profile(body);
  return Error("unknown_method");
}

json FakeSlackDirectory::List(const json& body) const {
  const std::string limit_text = Field(body, "limit");
  int limit = 0;
  if (!limit_text.empty()) {
    auto [end, error] = std::from_chars(limit_text.data(), limit_text.data() + limit_text.size(), limit);
    if (error != std::errc() || end != limit_text.data() + limit_text.size() || limit < 0) return Error("invalid_arguments");
  }
  if (limit == 0 && members_.size() > kUnpagedMax) return Error("limit_required");
  std::size_t page = limit == 0 ? members_.size() : static_cast<std::size_t>(std::min(limit, kMaxLimit));
  if (page_cap_ > 0) page = std::min(page, static_cast<std::size_t>(page_cap_));

  auto it = members_.begin();
  const std::string cursor = Field(body, "cursor");
  if (!cursor.empty()) {
    auto id = IdOfCursor(cursor);
    if (!id) return Error("invalid_cursor");
    it = members_.lower_bound(*id);
  }
  json members = json::array();
  for (; it != members_.end() && members.size() < page; ++it) members.push_back(UserObject(it->second, team_id_));
  const std::string next = it == members_.end() ? "" : CursorFor(it->first);
  return json{{"ok", true}, {"members", std::move(members)}, {"cache_ts", 1700000000},
              {"response_metadata", {{"next_cursor", next}}}};
}

json FakeSlackDirectory::Profile(const json& body) const {
  auto it = members_.find(Field(body, "user"));
  if (it == members_.end()) return Error("user_not_found");
  const FakeSlackMember& member = it->second;
  json profile{{"title", member.title}, {"real_name", member.real_name}, {"display_name", member.display_name}};
  if (!member.email.empty()) profile["email"] = member.email;
  profile["fields"] = member.manager.empty() ? json::array()
                                             : json{{manager_field_, {{"value", member.manager}, {"alt", ""}}}};
  return json{{"ok", true}, {"profile", std::move(profile)}};
}

void FakeSlackDirectory::SetTeam(const std::string& team_id) {
  std::lock_guard lock(mutex_);
  team_id_ = team_id;
}

void FakeSlackDirectory::SetManagerFieldId(const std::string& field_id) {
  std::lock_guard lock(mutex_);
  manager_field_ = field_id;
}

void FakeSlackDirectory::AddMember(FakeSlackMember member) {
  std::lock_guard lock(mutex_);
  std::string id = member.id;
  members_.insert_or_assign(std::move(id), std::move(member));
}

void FakeSlackDirectory::AddMembers(std::vector<FakeSlackMember> members) {
  std::lock_guard lock(mutex_);
  for (auto& member : members) {
    std::string id = member.id;
    members_.insert_or_assign(std::move(id), std::move(member));
  }
}

void FakeSlackDirectory::RemoveMember(const std::string& id) {
  std::lock_guard lock(mutex_);
  members_.erase(id);
}

void FakeSlackDirectory::SetManager(const std::string& id, const std::string& manager_id) {
  std::lock_guard lock(mutex_);
  members_.at(id).manager = manager_id;
}

void FakeSlackDirectory::SetPageCap(int cap) {
  std::lock_guard lock(mutex_);
  page_cap_ = cap;
}

std::size_t FakeSlackDirectory::size() const {
  std::lock_guard lock(mutex_);
  return members_.size();
}

}  // namespace mentorbot
