#include "adapters/graph/graph_directory.h"

#include <algorithm>
#include <thread>
#include <unordered_map>

#include "adapters/common/form_decoding.h"
#include "adapters/common/json_fields.h"
#include "adapters/common/retry_after.h"
#include "adapters/graph/graph_user_json.h"
#include "adapters/graph/windows_time_zones.h"

namespace mentorbot {

namespace {

using nlohmann::json;

constexpr int kMaxPages = 100000;  // 99.9 million people: a link loop, not a tenant

// What Graph says when a delta token can no longer be used
// (https://learn.microsoft.com/graph/errors: resyncRequired "The delta token
// is no longer valid, and the app must reset the sync state";
// syncStateNotFound for an expired one, devblogs.microsoft.com/microsoft365dev/
// duration-of-change-tracking-tokens-for-identity-and-education-resources).
bool SaysResync(const std::string& code) { return code == "resyncRequired" || code == "syncStateNotFound"; }

std::string Detail(const std::string& what, int status, const std::string& code) {
  return "graph " + what + ": http " + std::to_string(status) + (code.empty() ? "" : " " + code);
}

// Later mentions of a person in one read override earlier ones field by field;
// a removal (or a return) replaces the whole entry.
void Merge(DirectoryEntry& into, DirectoryEntry from) {
  if (into.removed != from.removed) {
    into = std::move(from);
    return;
  }
  auto take = [](std::optional<std::string>& to, std::optional<std::string>& value) {
    if (value) to = std::move(value);
  };
  take(into.display_name, from.display_name);
  take(into.email, from.email);
  take(into.department, from.department);
  take(into.job_title, from.job_title);
  take(into.location, from.location);
  take(into.time_zone, from.time_zone);
  take(into.manager_id, from.manager_id);
  if (from.active) into.active = from.active;
}

}  // namespace

GraphDirectory::GraphDirectory(std::string tenant_id, std::string api_base_url, TokenSource& tokens, HttpClient& http,
                               GraphDirectoryOptions options)
    : tenant_id_(std::move(tenant_id)),
      base_url_(std::move(api_base_url)),
      tokens_(tokens),
      http_(http),
      options_(std::move(options)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

bool GraphDirectory::UnderBase(const std::string& url) const {
  return url.size() > base_url_.size() && url.compare(0, base_url_.size(), base_url_) == 0 &&
         (url[base_url_.size()] == '/' || url[base_url_.size()] == '?');
}

void GraphDirectory::Sleep(std::chrono::milliseconds duration) const {
  if (options_.sleep) {
    options_.sleep(duration);
  } else {
    std::this_thread::sleep_for(duration);
  }
}

StatusOr<GraphDirectory::Answer> GraphDirectory::Get(const std::string& url, const std::string& prefer,
                                                     const std::string& what, int& requests) {
  bool token_renewed = false;
  for (int attempt = 0;; ++attempt) {
    auto token = tokens_.Get();
    if (!token.ok()) {
      const std::string detail = "graph token: " + token.status().message();
      return token.status().code() == StatusCode::kPermissionDenied ? Status::PermissionDenied(detail)
                                                                    : Status::Unavailable(detail);
    }
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + *token}};
    if (!prefer.empty()) headers["Prefer"] = prefer;
    ++requests;
    auto response = http_.Get(url, headers);
    if (!response.ok()) return Status::Unavailable("graph " + what + ": " + response.status().message());
    Answer answer{response->status, json::parse(response->body, nullptr, /*allow_exceptions=*/false), ""};
    answer.code = StringField(Member(answer.body, "error"), "code");
    if (answer.status >= 200 && answer.status < 300) return answer;
    if (answer.status == 401 && !token_renewed) {
      tokens_.Invalidate();  // expired or revoked: once more with a new one
      token_renewed = true;
      continue;
    }
    if (answer.status == 401) return Status::Unavailable(Detail(what, answer.status, answer.code) + " (token refused)");
    const bool throttled = answer.status == 429 || answer.status == 503 || answer.status == 504;
    if (throttled && attempt < options_.max_retries) {
      // Graph's Retry-After, else a doubling wait from one second.
      const auto fallback = std::chrono::seconds(std::min(1 << std::min(attempt, 5), 30));
      Sleep(ParseRetryAfter(response->Header("retry-after"), fallback));
      continue;
    }
    if (throttled || answer.status >= 500) {
      return Status::Unavailable(Detail(what, answer.status, answer.code) +
                                 (throttled ? " after " + std::to_string(attempt) + " retries" : ""));
    }
    return answer;  // 4xx: the caller knows what it means there
  }
}

StatusOr<DirectoryRead> GraphDirectory::Read(const DirectoryRequest& request, const DirectoryProgress& progress) {
  DirectoryRead read;
  read.platform = Platform::kTeams;
  read.workspace = tenant_id_;
  read.full = request.full;
  std::string url = base_url_ + "/users/delta?$select=" + kSelect;
  if (!request.full) {
    if (!UnderBase(request.delta)) {
      return Status::InvalidArgument("graph users delta: the stored delta link is not under " + base_url_);
    }
    url = request.delta;
  }
  if (Status status = ReadDelta(url, !request.full, read, progress); !status.ok()) return status;
  if (options_.read_time_zones && !request.watch_ids.empty()) ReadTimeZones(request.watch_ids, read, progress);
  return read;
}

Status GraphDirectory::ReadDelta(std::string url, bool stored_delta, DirectoryRead& read,
                                 const DirectoryProgress& progress) {
  std::string prefer = "odata.maxpagesize=" + std::to_string(options_.page_size);
  if (stored_delta) prefer += ", return=minimal";      // only what changed: absent = unchanged
  std::unordered_map<std::string, std::size_t> index;  // person id -> position in read.people
  for (int page = 1; page <= kMaxPages; ++page) {
    auto answer = Get(url, prefer, "users delta", read.requests);
    if (!answer.ok()) return answer.status();
    const std::string detail = Detail("users delta", answer->status, answer->code);
    if (answer->status == 403) {
      return Status::PermissionDenied(detail + ": the app needs the User.Read.All application permission");
    }
    // 410 Gone is Graph's "restart with a full synchronization"; a 400 on a
    // stored link means Graph no longer reads it either.
    if (stored_delta && (answer->status == 410 || answer->status == 400 || SaysResync(answer->code))) {
      return Status::InvalidArgument(detail + ": the delta link is no longer valid; read in full");
    }
    if (answer->status >= 300) return Status::Unavailable(detail);
    const json values = Member(answer->body, "value");
    if (!values.is_array()) return Status::Unavailable("graph users delta: the answer has no value list");
    for (const json& user : values) {
      auto person = ReadGraphUser(user, read.full);
      if (auto* problem = std::get_if<DirectoryProblem>(&person)) {
        read.problems.push_back(std::move(*problem));
        continue;
      }
      auto& entry = std::get<DirectoryEntry>(person);
      auto [it, added] = index.try_emplace(entry.id, read.people.size());
      if (added) {
        read.people.push_back(std::move(entry));
      } else {
        Merge(read.people[it->second], std::move(entry));
      }
    }
    if (progress) {
      progress("graph users page " + std::to_string(page) + ": " + std::to_string(read.people.size()) + " people");
    }
    const std::string next = StringField(answer->body, "@odata.nextLink");
    const std::string delta = StringField(answer->body, "@odata.deltaLink");
    if (next.empty() && delta.empty())
      return Status::Unavailable("graph users delta: a page without nextLink or deltaLink");
    const std::string& link = next.empty() ? delta : next;
    if (!UnderBase(link)) {
      return Status::Unavailable("graph users delta: refused a link that is not under " + base_url_);
    }
    if (next.empty()) {
      read.next_delta = delta;
      return Status::Ok();
    }
    url = next;
  }
  return Status::Unavailable("graph users delta: more than " + std::to_string(kMaxPages) + " pages");
}

void GraphDirectory::ReadTimeZones(const std::vector<std::string>& ids, DirectoryRead& read,
                                   const DirectoryProgress& progress) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < read.people.size(); ++i) index.emplace(read.people[i].id, i);
  const std::size_t count = std::min(ids.size(), options_.max_time_zone_reads);
  int found = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& id = ids[i];
    auto known = index.find(id);
    if (id.empty() || (known != index.end() && read.people[known->second].removed)) continue;
    auto answer = Get(base_url_ + "/users/" + PercentEncode(id, "@") + "/mailboxSettings/timeZone", "",
                      "mailbox time zone", read.requests);
    if (answer.ok() && answer->status == 404) continue;  // no mailbox (or no such person)
    if (!answer.ok() || answer->status >= 300) {
      // 403: the app lacks MailboxSettings.Read (or a policy keeps this
      // mailbox from it) — asking the others is futile; a failure that
      // outlived its retries is throttling. The zones stay as they were.
      if (progress) {
        progress(answer.ok()
                     ? Detail("mailbox time zone", answer->status, answer->code) +
                           (answer->status == 403 ? ": MailboxSettings.Read not granted; time zones not read" : "")
                     : answer.status().message());
      }
      return;
    }
    // A primitive property is answered as {"@odata.context": ..., "value": "..."}.
    const std::string name =
        answer->body.is_string() ? answer->body.get<std::string>() : StringField(answer->body, "value");
    auto iana = IanaTimeZoneOfWindows(name);
    if (!iana) continue;  // "Customized Time Zone" and the like: not a zone we can name
    ++found;
    if (known != index.end()) {
      read.people[known->second].time_zone = std::move(*iana);
    } else {
      DirectoryEntry entry;
      entry.id = id;
      entry.time_zone = std::move(*iana);
      index.emplace(id, read.people.size());
      read.people.push_back(std::move(entry));
    }
  }
  if (progress) progress("graph mailbox time zones: " + std::to_string(found) + " of " + std::to_string(count));
}

}  // namespace mentorbot
