#include "adapters/teams/client_time_zones.h"

namespace mentorbot {

StatusOr<DirectoryProfile> TeamsClientTimeZones::Lookup(const UserRef& user) {
  std::optional<ConversationReference> reference;
  Status read = store_.Run(Store::Access::kRead, [&](StoreTransaction& t) { reference = t.conversations().Find(user); });
  if (!read.ok()) return Status::Unavailable(read.message());
  if (!reference || reference->time_zone.empty()) return Status::NotFound("no time zone reported by the Teams client");
  return DirectoryProfile{reference->time_zone, ""};
}

}  // namespace mentorbot
