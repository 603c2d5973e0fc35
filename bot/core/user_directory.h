// UserDirectory: what a platform's own profile says about a person (their
// time zone, name and email), so people need not type what the platform knows.
// Called from a background thread only; implementations may use the network.
#pragma once

#include <string>

#include "bot/core/address.h"
#include "bot/core/status_or.h"

namespace mentorbot {

struct DirectoryProfile {
  std::string time_zone;     // IANA name, empty if the platform has none
  std::string display_name;  // empty if none
  std::string email;         // empty if none (Slack: needs the users:read.email scope)
};

class UserDirectory {
 public:
  virtual ~UserDirectory() = default;
  // NotFound for a person the platform does not know; Unavailable for a
  // transient failure (try again later).
  virtual StatusOr<DirectoryProfile> Lookup(const UserRef& user) = 0;
};

}  // namespace mentorbot
