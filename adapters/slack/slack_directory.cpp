#include "adapters/slack/slack_directory.h"

#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "adapters/common/form_decoding.h"
#include "adapters/common/json_fields.h"
#include "adapters/common/retry_after.h"
#include "adapters/slack/slack_user_json.h"

namespace mentorbot {

namespace {
using nlohmann::json;

// Errors that say the token cannot do this: nothing was read, and retrying
// will not help until someone reinstalls the app or grants the scope.
bool IsPermissionError(const std::string& error) {
  for (const char* denied : {"invalid_auth", "not_authed", "missing_scope", "account_inactive", "token_revoked",
                             "token_expired", "no_permission", "not_allowed_token_type", "ekm_access_denied",
                             "access_denied", "team_access_not_granted"}) {
    if (error == denied) return true;
  }
  return false;
}

void Report(const DirectoryProgress& progress, const std::string& line) {
  if (progress) progress(line);
}

// The user id in users.profile.get's profile.fields[<field>].value: "" when
// the field is empty or absent (Slack sends `fields` as {}, [] or null when
// the person filled in none).
StatusOr<std::string> ManagerField(const json& answer, const std::string& field) {
  auto profile = answer.find("profile");
  if (profile == answer.end() || !profile->is_object()) return Status::InvalidArgument("users.profile.get without a profile");
  auto fields = profile->find("fields");
  if (fields == profile->end() || !fields->is_object()) return std::string();
  auto found = fields->find(field);
  if (found == fields->end() || found->is_null()) return std::string();
  if (!found->is_object()) return Status::InvalidArgument("manager field " + field + " is not an object");
  const json value = Member(*found, "value");
  if (value.is_null()) return std::string();
  if (!value.is_string()) return Status::InvalidArgument("manager field " + field + " has a value that is not a string");
  const std::string manager = value.get<std::string>();
  if (!manager.empty() && !IsSlackUserId(manager)) {
    return Status::InvalidArgument("manager field " + field + " does not hold a user id (is it of type user?)");
  }
  return manager;
}
}  // namespace

SlackDirectory::SlackDirectory(std::string api_base_url, std::string bot_token, HttpClient& client,
                               SlackDirectoryOptions options)
    : api_base_url_(std::move(api_base_url)), bot_token_(std::move(bot_token)), client_(client), options_(std::move(options)) {
  while (!api_base_url_.empty() && api_base_url_.back() == '/') api_base_url_.pop_back();
}

void SlackDirectory::Sleep(std::chrono::milliseconds pause) const {
  if (pause <= std::chrono::milliseconds::zero()) return;
  if (options_.sleep) {
    options_.sleep(pause);
  } else {
    std::this_thread::sleep_for(pause);
  }
}

StatusOr<nlohmann::json> SlackDirectory::Call(const std::string& method, const std::string& form, DirectoryRead& read) {
  for (int attempt = 0;; ++attempt) {
    ++read.requests;
    auto response = client_.Post(api_base_url_ + "/" + method, {{"Authorization", "Bearer " + bot_token_}}, form,
                                 "application/x-www-form-urlencoded");
    if (!response.ok()) return Status::Unavailable(method + ": " + response.status().message());
    json parsed = json::parse(response->body, nullptr, /*allow_exceptions=*/false);
    const std::string error = StringField(parsed, "error");
    // "HTTP 429 Too Many Requests … and a Retry-After header containing the
    // number of seconds until you can retry" (docs.slack.dev/apis/web-api/rate-limits).
    if (response->status == 429 || error == "ratelimited") {
      if (attempt >= options_.max_retries) {
        return Status::Unavailable(method + ": still rate limited after " + std::to_string(attempt) + " retries");
      }
      Sleep(ParseRetryAfter(response->Header("retry-after")));
      continue;
    }
    if (response->status != 200) return Status::Unavailable(method + ": http " + std::to_string(response->status));
    if (IsTrue(parsed, "ok")) return parsed;
    if (error.empty()) return Status::Unavailable(method + ": malformed response");
    if (IsPermissionError(error)) {
      const std::string needed = StringField(parsed, "needed");
      return Status::PermissionDenied(method + ": " + error + (needed.empty() ? "" : " (needs " + needed + ")"));
    }
    if (error == "user_not_found" || error == "users_not_found") return Status::NotFound(method + ": " + error);
    return Status::Unavailable(method + ": " + error);
  }
}

Status SlackDirectory::ListUsers(DirectoryRead& read, const DirectoryProgress& progress) {
  // A member listed twice (the workspace changed between pages) keeps its last answer.
  std::unordered_map<std::string, std::size_t> index;
  std::string cursor;
  int bots = 0;
  for (int page = 1;; ++page) {
    if (page > 1) Sleep(options_.page_pause);
    // "To begin pagination, specify a limit value under 1000. We recommend no
    // more than 200 results at a time" (docs.slack.dev/reference/methods/users.list).
    std::string form = "limit=" + std::to_string(options_.page_limit);
    if (!cursor.empty()) form += "&cursor=" + FormEncodeValue(cursor);
    auto answer = Call("users.list", form, read);
    if (!answer.ok()) return answer.status();
    auto members = answer->find("members");
    if (members == answer->end() || !members->is_array()) return Status::Unavailable("users.list: answer without members");
    for (const json& member : *members) {
      auto entry = ParseSlackUser(member);
      if (!entry.ok()) {
        const std::string id = StringField(member, "id");
        read.problems.push_back(DirectoryProblem{IsSlackUserId(id) ? id : "", entry.status().message()});
        continue;
      }
      if (entry->bot) {
        ++bots;
        continue;
      }
      auto [it, added] = index.emplace(entry->id, read.people.size());
      if (added) {
        read.people.push_back(std::move(entry.value()));
      } else {
        read.people[it->second] = std::move(entry.value());
      }
    }
    Report(progress, "users page " + std::to_string(page) + ": " + std::to_string(read.people.size()) + " people" +
                         (bots > 0 ? ", " + std::to_string(bots) + " bots left out" : ""));
    // The next page's cursor is response_metadata.next_cursor; an empty one
    // means there are no further results (docs.slack.dev/apis/web-api/pagination).
    const std::string next = StringField(Member(*answer, "response_metadata"), "next_cursor");
    if (next.empty()) return Status::Ok();
    if (next == cursor) return Status::Unavailable("users.list: the cursor did not advance");
    cursor = next;
  }
}

Status SlackDirectory::ReadManagers(const DirectoryRequest& request, DirectoryRead& read,
                                    const DirectoryProgress& progress) {
  if (options_.manager_field.empty() || request.watch_ids.empty()) return Status::Ok();
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < read.people.size(); ++i) index.emplace(read.people[i].id, i);
  auto entry_for = [&](const std::string& id) -> DirectoryEntry& {
    auto [it, added] = index.emplace(id, read.people.size());
    if (added) {  // not listed (an incremental read): the id and the manager only
      read.people.emplace_back();
      read.people.back().id = id;
    }
    return read.people[it->second];
  };
  std::unordered_set<std::string> seen;  // each person read once: stops loops in the data
  int calls = 0;
  for (const std::string& watched : request.watch_ids) {
    std::string current = watched;
    for (int depth = 0; !current.empty(); ++depth) {
      if (depth >= options_.max_chain_depth) {
        read.problems.push_back(DirectoryProblem{current, "manager chain longer than " +
                                                              std::to_string(options_.max_chain_depth) + " steps"});
        break;
      }
      if (!seen.insert(current).second) break;
      if (!IsSlackUserId(current)) {
        read.problems.push_back(DirectoryProblem{"", "not a Slack user id: " + current});
        break;
      }
      if (calls++ > 0) Sleep(options_.profile_pause);
      auto answer = Call("users.profile.get", "user=" + current, read);
      if (answer.status().code() == StatusCode::kNotFound) {
        read.problems.push_back(DirectoryProblem{current, answer.status().message()});
        break;
      }
      if (!answer.ok()) return answer.status();
      auto manager = ManagerField(*answer, options_.manager_field);
      if (!manager.ok()) {
        read.problems.push_back(DirectoryProblem{current, manager.status().message()});
        break;
      }
      entry_for(current).manager_id = manager.value();
      current = manager.value();
    }
  }
  Report(progress, "manager fields: " + std::to_string(calls) + " read for " + std::to_string(request.watch_ids.size()) +
                       " watched people");
  return Status::Ok();
}

StatusOr<DirectoryRead> SlackDirectory::Read(const DirectoryRequest& request, const DirectoryProgress& progress) {
  DirectoryRead read;
  read.platform = Platform::kSlack;
  read.full = request.full;
  auto identity = Call("auth.test", "", read);
  if (!identity.ok()) return identity.status();
  read.workspace = StringField(*identity, "team_id");
  if (read.workspace.empty()) return Status::Unavailable("auth.test: answer without team_id");
  if (request.full) {
    if (Status listed = ListUsers(read, progress); !listed.ok()) return listed;
  }
  if (Status managers = ReadManagers(request, read, progress); !managers.ok()) return managers;
  return read;
}

}  // namespace mentorbot
