// Store: the program's durable state behind narrow domain interfaces (not
// key/value), so the engine knows no SQL and a server database stays possible.
//
// All access goes through Store::Run, which runs the given work inside one
// transaction: it commits when the work returns normally and rolls back when it
// throws. A storage failure (busy, disk full, read-only, corrupt) never escapes
// as an exception: Run returns a non-OK Status and nothing was written.
//
// Thread-safety: Store::Run may be called from any thread concurrently. A
// StoreTransaction (and its repositories) belongs to the thread inside Run and
// must not escape it.
#pragma once

#include <functional>

#include "bot/core/directory_state.h"
#include "bot/core/repositories.h"
#include "bot/core/status.h"

namespace mentorbot {

class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;
  virtual PeopleRepository& people() = 0;
  virtual PairRepository& pairs() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual ProgramRepository& program() = 0;
  virtual OutboxRepository& outbox() = 0;
  virtual ConversationRepository& conversations() = 0;
  virtual RosterRepository& roster() = 0;
  virtual SurveyRepository& surveys() = 0;
  virtual FileRepository& files() = 0;
  virtual CalendarRepository& calendar() = 0;
  virtual DirectoryRepository& directory() = 0;
};

class Store {
 public:
  // kWrite transactions are serialised (and take the database's write lock up
  // front, so they never fail half-way on a lock upgrade); kRead ones run
  // concurrently on a consistent snapshot.
  enum class Access { kRead, kWrite };
  using Work = std::function<void(StoreTransaction&)>;

  virtual ~Store() = default;
  virtual Status Run(Access access, const Work& work) = 0;
  // OK when the database answers a trivial query.
  virtual Status CheckHealth() = 0;
};

}  // namespace mentorbot
