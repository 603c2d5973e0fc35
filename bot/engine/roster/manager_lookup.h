// Who manages whom, as the leadership-chain rule needs it: an enrolled
// person's own profile first, else the imported roster (which also knows
// managers who never enrol).
#pragma once

#include <string>

#include "bot/core/store.h"

namespace mentorbot {

// The manager key of the person with `key` (a user key or "email:…"), or ""
// when none or unknown.
std::string ManagerKeyOf(StoreTransaction& store, const std::string& key);

}  // namespace mentorbot
