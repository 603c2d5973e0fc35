// TeamsClientTimeZones: the UserDirectory of Teams. Without Microsoft Graph
// permissions the bot cannot look people up, but every Teams client reports
// its IANA time zone with each message (the clientInfo entity); the route
// stores it with the conversation reference, and this reads it back, so
// ProfileSync fills in the zone of a person who has not set one.
// Thread-safety: Lookup may be called from any thread (the Store is).
#pragma once

#include "bot/core/store.h"
#include "bot/core/user_directory.h"

namespace mentorbot {

class TeamsClientTimeZones : public UserDirectory {
 public:
  explicit TeamsClientTimeZones(Store& store) : store_(store) {}  // REQUIRES: store outlives this
  // NotFound when the person's client never reported a zone.
  StatusOr<DirectoryProfile> Lookup(const UserRef& user) override;

 private:
  Store& store_;
};

}  // namespace mentorbot
