// Outbox rows written and counted straight through the Store, for tests of
// what delivers or reports them.
#pragma once

#include <string>

#include "bot/core/store.h"

namespace mentorbot {

// Queues a message whose summary is `key` to Slack user T1/`user`, due at `due`.
// Returns false if the store refused.
bool QueueForSlackUser(Store& store, const std::string& key, const std::string& user, TimePoint due, TimePoint now);

// The outbox's pending / delivered / failed counts (zeros if the store fails).
OutboxCounts CountOutbox(Store& store);

}  // namespace mentorbot
