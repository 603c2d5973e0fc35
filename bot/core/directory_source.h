// DirectorySource: a company directory the program reads people from (the
// Microsoft Graph users of a tenant, the members of a Slack workspace): who
// they are, who manages them, where and in which time zone they work, and
// whether they are still there. Called only from the directory sync's thread
// (or the `mentorbot directory sync` command), one call at a time;
// implementations block on the network and pace themselves to the
// platform's rate limits. A read changes nothing: the sync writes what a
// complete read returned in one transaction, so a read that fails half-way
// leaves the program as it was.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot/core/address.h"
#include "bot/core/status_or.h"

namespace mentorbot {

// One person as the directory describes them. A field left nullopt is not
// in this answer (an incremental read names only what changed) and keeps
// what the program knew; an empty string is the directory saying "none".
struct DirectoryEntry {
  std::string id;  // the platform's user id: Graph object id, Slack user id
  std::optional<std::string> display_name;
  std::optional<std::string> email;  // lower case
  std::optional<std::string> department;
  std::optional<std::string> job_title;
  std::optional<std::string> location;   // Graph officeLocation
  std::optional<std::string> time_zone;  // IANA name (Windows names already mapped)
  std::optional<std::string> manager_id;  // the manager's platform id; "" = no manager
  std::optional<bool> active;             // Graph accountEnabled, Slack !deleted
  bool removed = false;                   // gone from the directory (Graph @removed)
  bool bot = false;                       // an app, not a person (Slack is_bot, the Slackbot): never synced
};

// A user the directory answered that could not be read (no id, a field of
// the wrong type); the rest of the read goes on without them.
struct DirectoryProblem {
  std::string person_id;  // "" when even the id was unusable
  std::string reason;
};

struct DirectoryRequest {
  // Full: everyone the directory lists now. Incremental: what changed since
  // `delta` (Graph's deltaLink); a source without change tracking (Slack)
  // reads only the per-person fields of `watch_ids`.
  bool full = true;
  std::string delta;  // the previous read's next_delta; ignored when full
  // People whose per-person fields are read one call each — the Slack
  // manager field (followed up the chain: each manager found is read too),
  // the Graph mailbox time zone — because a listing does not carry them:
  // the program's participants. Bounded so a large directory stays cheap.
  std::vector<std::string> watch_ids;
};

struct DirectoryRead {
  Platform platform = Platform::kSlack;
  std::string workspace;   // Slack team id, Teams tenant id: whose ids these are
  bool full = true;        // true: `people` is everyone; someone absent has gone
  std::vector<DirectoryEntry> people;
  std::vector<DirectoryProblem> problems;
  std::string next_delta;  // where the next incremental read starts ("" = none)
  int requests = 0;        // HTTP calls made (pages, per-person reads), for the summary
};

// Progress as a line of text ("users page 3: 600 people"), for the command line.
using DirectoryProgress = std::function<void(const std::string& line)>;

class DirectorySource {
 public:
  virtual ~DirectorySource() = default;
  // "graph" or "slack": where the people come from.
  virtual std::string name() const = 0;
  // Unavailable for a transient failure (network, 5xx, 429 after the
  // retries the source allows itself), PermissionDenied when the app lacks
  // the permission (then nothing was read), InvalidArgument when a stored
  // delta is no longer valid (the sync then reads in full).
  virtual StatusOr<DirectoryRead> Read(const DirectoryRequest& request, const DirectoryProgress& progress) = 0;
};

}  // namespace mentorbot
