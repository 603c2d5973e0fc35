#include "tests/support/outbox_rows.h"

namespace mentorbot {

bool QueueForSlackUser(Store& store, const std::string& key, const std::string& user, TimePoint due, TimePoint now) {
  Message message;
  message.summary = key;
  const Address to{UserRef{Platform::kSlack, "T1", user}, "", "", ""};
  return store.Run(Store::Access::kWrite, [&](StoreTransaction& tx) { tx.outbox().Enqueue(key, to, message, due, now); })
      .ok();
}

OutboxCounts CountOutbox(Store& store) {
  OutboxCounts counts;
  store.Run(Store::Access::kRead, [&](StoreTransaction& tx) { counts = tx.outbox().Counts(); });
  return counts;
}

}  // namespace mentorbot
