// SqliteTransaction: the StoreTransaction of SqliteStore, valid only inside
// the transaction SqliteStore::Run opened on its connection. Its methods throw
// SQLite::Exception on failure; Run turns that into a Status and rolls back.
#pragma once

#include "bot/core/store.h"
#include "storage/sqlite_connection.h"

namespace mentorbot {

class SqliteTransaction : public StoreTransaction {
 public:
  explicit SqliteTransaction(SqliteConnection& connection) : connection_(connection) {}

  std::optional<Person> FindPerson(const UserRef& ref) override;
  std::int64_t SavePerson(const Person& person) override;

 private:
  SqliteConnection& connection_;
};

}  // namespace mentorbot
