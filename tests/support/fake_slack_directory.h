// FakeSlackDirectory: the workspace members behind FakeSlackServer's
// auth.test, users.list and users.profile.get, kept to Slack's documented
// contract:
//  - users.list "returns a list of paginated user objects, in no particular
//    order" including "invited users and deleted/deactivated users"; "specify
//    a limit value under 1000" (larger is clamped here), "fewer than the
//    requested number of items may be returned, even if the end of the users
//    list hasn't been reached" (SetPageCap), and "providing no limit value
//    will result in Slack attempting to deliver you the entire result set. If
//    the collection is too large you may experience limit_required"
//    (docs.slack.dev/reference/methods/users.list);
//  - the next page's cursor is response_metadata.next_cursor, "" on the last
//    page; a cursor Slack did not hand out is invalid_cursor
//    (docs.slack.dev/apis/web-api/pagination). Cursors here look like
//    Slack's: base64 of "user:<next id>";
//  - users.list carries no custom profile fields ("a user's custom profile
//    fields may be discovered using users.profile.get"); users.profile.get
//    answers profile.fields keyed by field id, {"value": …, "alt": ""}, and
//    [] when the person filled in none; user_not_found for an unknown user
//    (docs.slack.dev/reference/methods/users.profile.get). A field of type
//    "user" holds a user id (team.profile.get's "Manager" example);
//  - auth.test answers team_id and the bot's user_id
//    (docs.slack.dev/reference/methods/auth.test).
// Members are kept sorted by id, so a page is a map lookup plus `limit`
// members: 100 000 members are cheap to seed and to page through.
// Thread-safety: all methods may be called from any thread.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mentorbot {

struct FakeSlackMember {
  std::string id;
  std::string display_name;
  std::string real_name;
  std::string email;  // "" = none (as without users:read.email)
  std::string tz = "Europe/London";
  std::string title;
  std::string manager;  // the manager field's value: a user id, "" = empty
  bool deleted = false;
  bool is_bot = false;
  // When set, users.list answers this instead of the member (a malformed one).
  std::optional<nlohmann::json> raw;
};

class FakeSlackDirectory {
 public:
  // The answer (a JSON object) to auth.test, users.list or users.profile.get
  // for a request whose form fields are in `body`.
  nlohmann::json Answer(const std::string& method, const nlohmann::json& body) const;

  void SetTeam(const std::string& team_id);
  // The custom profile field users.profile.get answers the manager in.
  void SetManagerFieldId(const std::string& field_id);
  // Adds or replaces members by id.
  void AddMember(FakeSlackMember member);
  void AddMembers(std::vector<FakeSlackMember> members);
  void RemoveMember(const std::string& id);
  // Changes a member's manager field ("" empties it). REQUIRES: the member exists.
  void SetManager(const std::string& id, const std::string& manager_id);
  // Pages hold at most this many members whatever the limit (0 = no cap).
  void SetPageCap(int cap);
  std::size_t size() const;

 private:
  nlohmann::json List(const nlohmann::json& body) const;
  nlohmann::json Profile(const nlohmann::json& body) const;

  mutable std::mutex mutex_;
  std::string team_id_ = "T0FAKE";
  std::string manager_field_ = "Xf0MANAGER";
  std::map<std::string, FakeSlackMember> members_;  // by id
  int page_cap_ = 0;
};

}  // namespace mentorbot
