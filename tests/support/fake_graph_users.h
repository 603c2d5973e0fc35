// FakeGraphUsers: the Entra ID users behind FakeGraphServer, answering
// GET /v1.0/users/delta and /users/{id}/mailboxSettings/timeZone the way
// Microsoft Graph documents them (the contract points are quoted in the
// .cpp). Users are seeded, then changed by a test (manager, fields,
// accountEnabled, deletion); each change bumps a change counter and is
// logged, and a $deltatoken is that counter, so the next delta round shows
// exactly the changes since. A full round pages through the users; an
// incremental one pages through the change log — both O(page size) per
// page, so 100 000 users serve fast. Delta tokens can be expired (410).
// Not thread-safe: the server calls it under its own lock.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tests/support/fake_graph_mailboxes.h"

namespace mentorbot {

class FakeGraphUsers {
 public:
  // The properties kept; "" is a property never set (or set to null).
  enum class Field {
    kDisplayName,
    kMail,
    kUserPrincipalName,
    kDepartment,
    kJobTitle,
    kOfficeLocation,
    kAccountEnabled,
    kManager
  };
  struct User {
    std::string id;
    std::string display_name;
    std::string mail;
    std::string upn;
    std::string department;
    std::string job_title;
    std::string office_location;
    bool account_enabled = true;
    std::string manager_id;  // "" = no manager
  };
  static constexpr int kDefaultPageSize = 100;
  static constexpr int kMaxPageSize = 999;

  // A new user: in the next round as a new one (in every full round).
  void Add(User user);
  // The directory changes (false: no such user). `value` "" sets null.
  bool Update(const std::string& id, Field field, const std::string& value);
  bool SetManager(const std::string& id, const std::string& manager_id) {
    return Update(id, Field::kManager, manager_id);
  }
  bool Disable(const std::string& id) { return Update(id, Field::kAccountEnabled, "false"); }
  // Soft delete (restorable: @removed reason "changed"), or permanently ("deleted").
  bool Delete(const std::string& id, bool permanently = false);
  // Every delta and skip token issued so far answers 410 Gone from now on.
  void ExpireDeltaTokens();
  // The mailbox's time zone as Exchange keeps it (a Windows name by default).
  void SetTimeZone(const std::string& id, std::string name) { time_zones_[id] = std::move(name); }
  // Reading this person's mailbox settings answers 403 (an application access policy).
  void DenyMailbox(const std::string& id) { denied_.insert(id); }

  // Answers that break the contract, for the reader's robustness: `fields`
  // are written over this user's representation ({"displayName": 42}); the
  // links point under `base` (another host) instead of the server's.
  void Garble(const std::string& id, nlohmann::json fields) { garbled_[id] = std::move(fields); }
  void SetLinkBase(std::string base) { link_base_ = std::move(base); }

  // GET {base}/users/delta with its query and Prefer header.
  FakeGraphAnswer Delta(const std::string& base_url, const std::map<std::string, std::string>& query,
                        const std::string& prefer) const;
  // GET {base}/users/{id|upn}/mailboxSettings/timeZone.
  FakeGraphAnswer TimeZone(const std::string& base_url, const std::string& user) const;

  std::size_t size() const { return users_.size(); }

 private:
  struct Record {
    User user;
    bool deleted = false;
    bool permanently = false;
    long created_at = 0;
    long last_change = 0;
    std::map<Field, long> changed_at;                    // the last change of each property
    std::vector<std::pair<long, std::string>> managers;  // (counter, manager) in order
  };
  // Where a round is: full (users from `position`) or incremental (change
  // log from `position`, changes after `since`); `select` as a bit mask.
  struct Cursor {
    bool full = true;
    long since = 0;  // full: the counter the round started at
    std::size_t position = 0;
    unsigned select = 0;
  };

  long Change(Record& record, Field field);
  Record* Find(const std::string& id);
  nlohmann::json Whole(const Record& record, unsigned select) const;
  nlohmann::json Changed(const Record& record, long since, unsigned select, bool minimal) const;
  std::string ManagerAt(const Record& record, long counter) const;
  nlohmann::json Page(const std::string& base_url, Cursor cursor, int page_size, bool minimal) const;

  std::vector<Record> users_;
  std::unordered_map<std::string, std::size_t> index_;  // id -> users_
  std::vector<std::pair<long, std::size_t>> log_;       // (counter, users_ position), in counter order
  long counter_ = 0;
  long expired_through_ = -1;  // tokens of this counter or older answer 410
  std::map<std::string, std::string> time_zones_;
  std::set<std::string> denied_;
  std::map<std::string, nlohmann::json> garbled_;
  std::string link_base_;
};

}  // namespace mentorbot
