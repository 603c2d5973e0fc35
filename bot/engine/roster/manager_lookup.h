// Who manages whom, as the leadership-chain rule needs it: an enrolled
// person's own profile first, else the roster (imported or synced from a
// directory, which also knows managers who never enrol), else the same
// person's entry under another key with their email (manager_join.h).
#pragma once

#include <string>

#include "bot/core/store.h"

namespace mentorbot {

// The manager key of the person with `key` (a user key or "email:…"), or ""
// when none or unknown.
std::string ManagerKeyOf(StoreTransaction& store, const std::string& key);

}  // namespace mentorbot
