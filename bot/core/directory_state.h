// What the directory sync keeps between runs: each source's place in the
// directory's change stream, admins waiting for a sync they asked for, and
// the pairs a reorg put inside one leadership chain. Value types and the
// repository over them (valid inside one StoreTransaction, see store.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/core/clock.h"

namespace mentorbot {

struct DirectorySyncState {
  std::string source;     // "graph", "slack"
  std::string workspace;  // the tenant or team the source read
  std::string delta;      // where the next incremental read starts; "" = read in full
  std::optional<TimePoint> last_full_at;
  std::optional<TimePoint> last_incremental_at;
  std::string last_error;  // "" after a good sync; never a secret
};

// An open pair whose mentor and mentee a sync found in one chain.
struct ChainReview {
  std::int64_t pair_id = 0;
  std::string chain;  // user keys from the junior one up, joined by " > "
  TimePoint flagged_at{};
  std::string decision;  // "" waiting, "kept", "ended"
  std::string decided_by;
  std::optional<TimePoint> decided_at;
};

class DirectoryRepository {
 public:
  virtual ~DirectoryRepository() = default;
  virtual std::optional<DirectorySyncState> FindState(const std::string& source) = 0;
  virtual void SaveState(const DirectorySyncState& state) = 0;  // inserts or replaces

  // An admin asks for a sync now; asking again keeps one request.
  virtual void RequestSync(const std::string& admin_key, TimePoint at) = 0;
  // Every admin waiting, removing the requests.
  virtual std::vector<std::string> TakeSyncRequests() = 0;
  virtual bool HasSyncRequests() = 0;

  virtual std::optional<ChainReview> FindChainReview(std::int64_t pair_id) = 0;
  virtual void SaveChainReview(const ChainReview& review) = 0;  // inserts or replaces
};

}  // namespace mentorbot
