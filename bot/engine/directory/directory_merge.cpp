#include "bot/engine/directory/directory_merge.h"

#include <unordered_map>
#include <unordered_set>

#include "bot/engine/directory/manager_loops.h"
#include "bot/engine/directory/reorg_review.h"
#include "bot/engine/time/time_zone.h"

namespace mentorbot {

namespace {
// One org-chart row on its way through the merge.
struct Working {
  RosterEntry entry;
  std::optional<RosterEntry> original;  // as stored before this read
  bool manager_said = false;            // the directory named the manager (or said there is none)
};

bool SameEntry(const RosterEntry& a, const RosterEntry& b) {
  return a.email == b.email && a.name == b.name && a.department == b.department && a.manager == b.manager &&
         a.location == b.location && a.time_zone == b.time_zone && a.source == b.source && a.active == b.active &&
         a.job_title == b.job_title;
}

void SetIfSaid(std::string& field, const std::optional<std::string>& said) {
  if (said && !said->empty()) field = *said;
}

// What the directory says of one person, onto their row. An empty value
// never erases what a CSV gave — except the manager in Graph, which is the
// organisation's own record of "reports to no one". A Slack custom field
// left blank says nothing about the org chart: most people never fill it.
void Apply(const DirectoryEntry& said, const std::string& source, const DirectoryRead& read, Working& working) {
  RosterEntry& entry = working.entry;
  SetIfSaid(entry.name, said.display_name);
  SetIfSaid(entry.email, said.email);
  SetIfSaid(entry.department, said.department);
  SetIfSaid(entry.location, said.location);
  if (said.time_zone && !said.time_zone->empty()) {
    if (auto zone = CanonicalTimeZone(*said.time_zone)) entry.time_zone = *zone;
  }
  if (said.job_title) entry.job_title = *said.job_title;
  if (said.manager_id) {
    if (!said.manager_id->empty()) {
      entry.manager = UserRef{read.platform, read.workspace, *said.manager_id}.Key();
      working.manager_said = true;
    } else if (source != "slack") {
      entry.manager.clear();
      working.manager_said = true;
    }
  }
  if (said.active) entry.active = *said.active;
  if (said.removed) entry.active = false;
  entry.source = source;
}

// A participant's profile after the directory changed their row.
bool UpdateProfile(const Working& working, Person& person) {
  const RosterEntry& entry = working.entry;
  const Person before = person;
  if (working.manager_said) person.profile.manager = entry.manager;
  if (!entry.department.empty()) person.profile.department = entry.department;
  if (!person.profile.own_time_zone && !entry.time_zone.empty()) person.profile.time_zone = entry.time_zone;
  if (!person.profile.own_location && !entry.location.empty()) person.profile.location = entry.location;
  if (person.profile.email.empty() && !entry.email.empty()) person.profile.email = entry.email;
  if (person.display_name == person.ref.user_id && !entry.name.empty()) person.display_name = entry.name;
  return person.profile.manager != before.profile.manager || person.profile.department != before.profile.department ||
         person.profile.time_zone != before.profile.time_zone || person.profile.location != before.profile.location ||
         person.profile.email != before.profile.email || person.display_name != before.display_name;
}

class Merge {
 public:
  Merge(StoreTransaction& store, const std::string& source, const DirectoryRead& read, TimePoint now)
      : store_(store), source_(source), read_(read), now_(now) {}

  DirectoryChanges Run() {
    changes_.problems = read_.problems;
    for (auto& entry : store_.roster().ListFromSource(source_)) {
      const std::string key = entry.key;
      stored_.emplace(key, std::move(entry));
    }
    for (const DirectoryEntry& said : read_.people) Take(said);
    if (read_.full) MarkUnlisted();
    DropDuplicateEmails();
    ReportUnknownManagers();
    for (auto& loop : FindManagerLoops(ManagersOf())) Problem(loop.front(), "is in a manager loop: " + ChainText(loop));
    Write();
    return std::move(changes_);
  }

 private:
  void Problem(const std::string& key, std::string reason) {
    const auto ref = UserRef::Parse(key);
    changes_.problems.push_back(DirectoryProblem{ref ? ref->user_id : key, std::move(reason)});
  }

  Working& WorkingFor(const std::string& key) {
    auto found = working_.find(key);
    if (found != working_.end()) return found->second;
    order_.push_back(key);
    std::optional<RosterEntry> original;
    if (auto stored = stored_.find(key); stored != stored_.end()) {
      original = stored->second;
    } else {
      original = store_.roster().Find(key);  // a CSV row for the same person, or another directory's
    }
    RosterEntry entry = original.value_or(RosterEntry{});
    entry.key = key;
    return working_.emplace(key, Working{std::move(entry), std::move(original)}).first->second;
  }

  void Take(const DirectoryEntry& said) {
    if (said.bot) return;
    const auto ref = UserRef::Parse(UserRef{read_.platform, read_.workspace, said.id}.Key());
    if (said.id.empty() || !ref) {
      changes_.problems.push_back(DirectoryProblem{said.id, "has no usable id; skipped"});
      return;
    }
    if (listed_.insert(ref->Key()).second) ++changes_.people_read;
    Apply(said, source_, read_, WorkingFor(ref->Key()));
  }

  // A full read lists everyone: whoever it no longer lists has gone.
  void MarkUnlisted() {
    const std::string prefix = UserRef{read_.platform, read_.workspace, "x"}.Key();
    const std::string scope = prefix.substr(0, prefix.size() - 1);
    for (const auto& [key, entry] : stored_) {
      if (!entry.active || listed_.count(key) > 0 || key.rfind(scope, 0) != 0) continue;
      WorkingFor(key).entry.active = false;
    }
  }

  void DropDuplicateEmails() {
    std::unordered_map<std::string, std::string> owner;
    for (const auto& key : order_) {
      RosterEntry& entry = working_.at(key).entry;
      if (entry.email.empty()) continue;
      auto [it, fresh] = owner.emplace(entry.email, key);
      if (fresh) continue;
      Problem(key, "has the email " + entry.email + " of " + it->second + " too; the email is kept for the first only");
      entry.email.clear();
    }
  }

  void ReportUnknownManagers() {
    if (!read_.full) return;
    for (const auto& key : order_) {
      const RosterEntry& entry = working_.at(key).entry;
      if (entry.manager.empty() || listed_.count(entry.manager) > 0) continue;
      if (entry.manager.rfind(kEmailKeyPrefix, 0) == 0 || stored_.count(entry.manager) > 0) continue;
      Problem(key, "has a manager the directory does not list (" + entry.manager + "); their chain ends there");
    }
  }

  std::vector<std::pair<std::string, std::string>> ManagersOf() const {
    std::vector<std::pair<std::string, std::string>> managers;
    for (const auto& key : order_) {
      const RosterEntry& entry = working_.at(key).entry;
      if (!entry.manager.empty()) managers.emplace_back(key, entry.manager);
    }
    return managers;
  }

  void Write() {
    std::unordered_map<std::string, Person> participants;
    for (auto& person : store_.people().ListAll()) {
      const std::string key = person.ref.Key();
      participants.emplace(key, std::move(person));
    }
    for (const auto& key : order_) {
      Working& working = working_.at(key);
      const bool fresh = !working.original;
      const bool changed = fresh || !SameEntry(working.entry, *working.original);
      if (changed) {
        working.entry.imported_at = now_;
        store_.roster().Save(working.entry);
        if (fresh) {
          ++changes_.added;
        } else {
          ++changes_.changed;
          if (working.entry.manager != working.original->manager) ++changes_.managers_changed;
          if (working.original->active && !working.entry.active) ++changes_.deactivated;
        }
      }
      auto person = participants.find(key);
      if (person == participants.end()) continue;
      // A participant is brought up to date even when their row did not
      // change: their profile may predate the first sync.
      if (UpdateProfile(working, person->second)) {
        store_.people().Save(person->second);
        ++changes_.profiles_updated;
      }
      if (person->second.active() && !working.entry.active) changes_.departed.push_back(person->second.id);
    }
  }

  StoreTransaction& store_;
  const std::string& source_;
  const DirectoryRead& read_;
  const TimePoint now_;
  DirectoryChanges changes_;
  std::unordered_map<std::string, RosterEntry> stored_;  // this source's rows before the read
  std::unordered_map<std::string, Working> working_;
  std::vector<std::string> order_;  // keys in the read's order
  std::unordered_set<std::string> listed_;
};
}  // namespace

DirectoryChanges MergeDirectoryRead(StoreTransaction& store, const std::string& source, const DirectoryRead& read,
                                    TimePoint now) {
  return Merge(store, source, read, now).Run();
}

}  // namespace mentorbot
