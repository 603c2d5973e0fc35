// The contract points this fake keeps (Microsoft Graph v1.0):
// [delta]   learn.microsoft.com/graph/api/user-delta
// [concept] learn.microsoft.com/graph/delta-query-overview
// [users]   learn.microsoft.com/graph/delta-query-users
// [groups]  learn.microsoft.com/graph/delta-query-groups (the @delta annotation lists)
// [mailbox] learn.microsoft.com/graph/api/user-get-mailboxsettings
#include "tests/support/fake_graph_users.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "tests/support/fake_graph_json.h"

namespace mentorbot {

namespace {

using nlohmann::json;
using Field = FakeGraphUsers::Field;

constexpr Field kFields[] = {Field::kDisplayName, Field::kMail,           Field::kUserPrincipalName, Field::kDepartment,
                             Field::kJobTitle,    Field::kOfficeLocation, Field::kAccountEnabled,    Field::kManager};
constexpr const char* kNames[] = {"displayName", "mail",           "userPrincipalName", "department",
                                  "jobTitle",    "officeLocation", "accountEnabled",    "manager"};
constexpr unsigned kAll = (1u << std::size(kFields)) - 1;

unsigned Bit(Field field) { return 1u << static_cast<unsigned>(field); }

template <typename User>  // FakeGraphUsers::User, const or not
auto& Text(User& user, Field field) {
  switch (field) {
    case Field::kDisplayName: return user.display_name;
    case Field::kMail: return user.mail;
    case Field::kUserPrincipalName: return user.upn;
    case Field::kDepartment: return user.department;
    case Field::kJobTitle: return user.job_title;
    case Field::kOfficeLocation: return user.office_location;
    default: return user.manager_id;
  }
}

// A property as Graph writes it: null for one never set.
json Value(const FakeGraphUsers::User& user, Field field) {
  if (field == Field::kAccountEnabled) return user.account_enabled;
  const std::string& text = Text(user, field);
  return text.empty() ? json() : json(text);
}

json DirectoryObject(const std::string& id) { return {{"@odata.type", "#microsoft.graph.user"}, {"id", id}}; }

// "$select=displayName,manager" as a mask; no $select: the default set (all
// we keep). [delta] "The id property is always returned."
unsigned ParseSelect(const std::map<std::string, std::string>& query) {
  auto it = query.find("$select");
  if (it == query.end()) return kAll;
  unsigned mask = 0;
  std::size_t start = 0;
  const std::string& list = it->second;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    const std::string name = list.substr(start, end - start);
    for (std::size_t i = 0; i < std::size(kFields); ++i) {
      if (name == kNames[i]) mask |= Bit(kFields[i]);
    }
    start = end + 1;
  }
  return mask;
}

}  // namespace

long FakeGraphUsers::Change(Record& record, Field field) {
  record.last_change = ++counter_;
  record.changed_at[field] = counter_;
  log_.emplace_back(counter_, static_cast<std::size_t>(&record - users_.data()));
  return counter_;
}

FakeGraphUsers::Record* FakeGraphUsers::Find(const std::string& id) {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &users_[it->second];
}

void FakeGraphUsers::Add(User user) {
  index_[user.id] = users_.size();
  Record& record = users_.emplace_back();
  record.user = std::move(user);
  record.created_at = record.last_change = ++counter_;
  record.managers.emplace_back(counter_, record.user.manager_id);
  log_.emplace_back(counter_, users_.size() - 1);
}

bool FakeGraphUsers::Update(const std::string& id, Field field, const std::string& value) {
  Record* record = Find(id);
  if (record == nullptr || record->deleted) return false;
  if (field == Field::kAccountEnabled) {
    record->user.account_enabled = value == "true";
  } else {
    Text(record->user, field) = value;
  }
  const long at = Change(*record, field);
  if (field == Field::kManager) record->managers.emplace_back(at, value);
  return true;
}

bool FakeGraphUsers::Delete(const std::string& id, bool permanently) {
  Record* record = Find(id);
  if (record == nullptr || (record->deleted && (record->permanently || !permanently))) return false;
  record->deleted = true;
  record->permanently = permanently;
  record->last_change = ++counter_;
  log_.emplace_back(counter_, static_cast<std::size_t>(record - users_.data()));
  return true;
}

void FakeGraphUsers::ExpireDeltaTokens() {
  expired_through_ = counter_;
  ++counter_;  // a round that starts now gets a token that is not expired
}

std::string FakeGraphUsers::ManagerAt(const Record& record, long counter) const {
  std::string manager;
  for (const auto& [at, id] : record.managers) {
    if (at > counter) break;
    manager = id;
  }
  return manager;
}

// [concept] "Newly created instances of a supported resource are represented
// in the delta query response using their standard representation";
// [delta] "If the property has never been set before it will not be included
// in the response at all"; [concept] "Relationships on users and groups are
// represented as annotations ... propertyName@delta" (and, as [groups] shows
// for members@delta, absent when there is none).
json FakeGraphUsers::Whole(const Record& record, unsigned select) const {
  json user{{"id", record.user.id}};
  for (std::size_t i = 0; i + 1 < std::size(kFields); ++i) {
    json value = Value(record.user, kFields[i]);
    if ((select & Bit(kFields[i])) && !value.is_null()) user[kNames[i]] = std::move(value);
  }
  if ((select & Bit(Field::kManager)) && !record.user.manager_id.empty()) {
    user["manager@delta"] = json::array({DirectoryObject(record.user.manager_id)});
  }
  if (auto garbled = garbled_.find(record.user.id); garbled != garbled_.end()) user.update(garbled->second);
  return user;
}

// [concept] "Removed instances are represented by their id and an @removed
// object"; [users] deleted: reason "changed", permanently deleted: "deleted".
// [delta] By default "If the property has changed, the new value is included
// ... This includes properties being set to null value. If the property has
// not changed, the old value is included"; with Prefer: return=minimal "If
// the property has not changed, the property is not included". [groups] An
// @delta list names the changes: an object taken away carries @removed
// (reason "deleted"), one added is listed plainly.
json FakeGraphUsers::Changed(const Record& record, long since, unsigned select, bool minimal) const {
  if (record.deleted) {
    return {{"id", record.user.id}, {"@removed", {{"reason", record.permanently ? "deleted" : "changed"}}}};
  }
  if (record.created_at > since) return Whole(record, select);
  auto changed = [&](Field field) {
    auto it = record.changed_at.find(field);
    return it != record.changed_at.end() && it->second > since;
  };
  json user{{"id", record.user.id}};
  for (std::size_t i = 0; i + 1 < std::size(kFields); ++i) {
    if (!(select & Bit(kFields[i]))) continue;
    json value = Value(record.user, kFields[i]);
    if (changed(kFields[i]) || (!minimal && !value.is_null())) user[kNames[i]] = std::move(value);
  }
  if ((select & Bit(Field::kManager)) && changed(Field::kManager)) {
    const std::string before = ManagerAt(record, since);
    const std::string& now = record.user.manager_id;
    if (before != now) {
      json list = json::array();
      if (!before.empty()) {
        json removed = DirectoryObject(before);
        removed["@removed"] = {{"reason", "deleted"}};
        list.push_back(std::move(removed));
      }
      if (!now.empty()) list.push_back(DirectoryObject(now));
      user["manager@delta"] = std::move(list);
    }
  }
  return user;
}

// [concept] "If a @odata.nextLink URL is returned, there may be additional
// pages ... until a @odata.deltaLink URL is returned"; "The
// @odata.nextLink URL includes a $skipToken, and a @odata.deltaLink URL
// includes a $deltaToken", which "encode and include other query parameters
// (such as $select)"; [concept] "If a change occurs to a property that is
// not selected, the resource ... does not appear in the delta response".
json FakeGraphUsers::Page(const std::string& base_url, Cursor cursor, int page_size, bool minimal) const {
  json values = json::array();
  auto relevant = [&](const Record& record) {
    if (record.deleted || record.created_at > cursor.since) return true;
    for (const auto& [field, at] : record.changed_at) {
      if (at > cursor.since && (cursor.select & Bit(field))) return true;
    }
    return false;
  };
  std::size_t& at = cursor.position;
  if (cursor.full) {
    for (; at < users_.size() && static_cast<int>(values.size()) < page_size; ++at) {
      if (!users_[at].deleted) values.push_back(Whole(users_[at], cursor.select));
    }
  } else {
    for (; at < log_.size() && static_cast<int>(values.size()) < page_size; ++at) {
      const Record& record = users_[log_[at].second];
      // Each changed user once, where its last change is logged.
      if (record.last_change == log_[at].first && relevant(record)) {
        values.push_back(Changed(record, cursor.since, cursor.select, minimal));
      }
    }
  }
  const std::string link = (link_base_.empty() ? base_url : link_base_) + "/users/delta?";
  json page{{"@odata.context", base_url + "/$metadata#users"}, {"value", std::move(values)}};
  const bool done = at >= (cursor.full ? users_.size() : log_.size());
  if (done) {
    const long snapshot = cursor.full ? cursor.since : counter_;
    page["@odata.deltaLink"] = link + "$deltatoken=" + std::to_string(cursor.select) + "_" + std::to_string(snapshot);
  } else {
    page["@odata.nextLink"] = link + "$skiptoken=" + (cursor.full ? "F" : "D") + std::to_string(cursor.select) + "_" +
                              std::to_string(cursor.since) + "_" + std::to_string(at);
  }
  return page;
}

FakeGraphAnswer FakeGraphUsers::Delta(const std::string& base_url, const std::map<std::string, std::string>& query,
                                      const std::string& prefer) const {
  // [concept] for users "$expand is not supported. $top is not supported.
  // $orderby is not supported."
  for (const char* unsupported : {"$top", "$expand", "$orderby"}) {
    if (query.count(unsupported)) {
      return GraphErrorAnswer(400, "Request_UnsupportedQuery",
                              std::string(unsupported) + " is not supported with delta");
    }
  }
  int page_size = kDefaultPageSize;
  bool minimal = false;
  if (auto at = prefer.find("odata.maxpagesize="); at != std::string::npos) {
    int size = 0;
    std::from_chars(prefer.data() + at + 18, prefer.data() + prefer.size(), size);
    if (size > 0) page_size = std::min(size, kMaxPageSize);
  }
  if (prefer.find("return=minimal") != std::string::npos) minimal = true;

  Cursor cursor{true, counter_, 0, ParseSelect(query)};
  auto skip = query.find("$skiptoken");
  auto delta = query.find("$deltatoken");
  char kind = 0;
  unsigned select = 0;
  long since = 0;
  std::size_t position = 0;
  if (skip != query.end()) {
    if (std::sscanf(skip->second.c_str(), "%c%u_%ld_%zu", &kind, &select, &since, &position) != 4 ||
        (kind != 'F' && kind != 'D')) {
      return GraphErrorAnswer(400, "BadRequest", "Invalid skip token.");
    }
    cursor = Cursor{kind == 'F', since, position, select};
  } else if (delta != query.end() && !delta->second.empty()) {
    if (std::sscanf(delta->second.c_str(), "%u_%ld", &select, &since) != 2) {
      return GraphErrorAnswer(400, "BadRequest", "Invalid delta token.");
    }
    auto first = std::upper_bound(log_.begin(), log_.end(), since,
                                  [](long value, const auto& entry) { return value < entry.first; });
    cursor = Cursor{false, since, static_cast<std::size_t>(first - log_.begin()), select};
  }
  // [concept] "Delta query can return a response code of 410 (gone) and a
  // Location header containing a request URL with an empty $deltaToken ...
  // the application must restart with a full synchronization"; errors:
  // resyncRequired "The delta token is no longer valid". (The server adds
  // the Location header.)
  if ((skip != query.end() || delta != query.end()) && cursor.since <= expired_through_) {
    return GraphErrorAnswer(410, "resyncRequired", "Resync required. Restart the sync with a full query.");
  }
  return {200, Page(base_url, cursor, page_size, minimal)};
}

// [mailbox] GET /users/{id|userPrincipalName}/mailboxSettings/timeZone
// returns "string (for timeZone)", as OData writes a property: {"value": ...};
// "returns the user's preferred time zone in the format that the
// administrator has set up ... The Windows format is the default".
FakeGraphAnswer FakeGraphUsers::TimeZone(const std::string& base_url, const std::string& user) const {
  const Record* record = nullptr;
  if (auto it = index_.find(user); it != index_.end()) record = &users_[it->second];
  for (std::size_t i = 0; record == nullptr && i < users_.size(); ++i) {
    if (FakeGraphMailboxes::Lower(users_[i].user.upn) == FakeGraphMailboxes::Lower(user)) record = &users_[i];
  }
  if (record == nullptr || record->deleted) {
    return GraphErrorAnswer(404, "ErrorInvalidUser", "The requested user '" + user + "' is invalid.");
  }
  if (denied_.count(record->user.id)) return GraphErrorAnswer(403, "ErrorAccessDenied", "Access is denied.");
  if (record->user.mail.empty()) {
    return GraphErrorAnswer(404, "MailboxNotEnabledForRESTAPI",
                            "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
  }
  auto zone = time_zones_.find(record->user.id);
  const std::string name = zone == time_zones_.end() ? "UTC" : zone->second;
  return {200,
          {{"@odata.context", base_url + "/$metadata#users('" + record->user.id + "')/mailboxSettings/timeZone"},
           {"value", name}}};
}

}  // namespace mentorbot
