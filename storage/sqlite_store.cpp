#include "storage/sqlite_store.h"

#include <SQLiteCpp/Exception.h>

#include <algorithm>

#include "storage/migrations.h"
#include "storage/sqlite_transaction.h"

namespace mentorbot {

// Borrows one connection from the pool for the lifetime of the lease.
class SqliteStore::Lease {
 public:
  explicit Lease(SqliteStore& store) : store_(store) {
    std::unique_lock lock(store_.pool_mutex_);
    store_.pool_available_.wait(lock, [&] { return !store_.idle_.empty(); });
    connection_ = std::move(store_.idle_.back());
    store_.idle_.pop_back();
  }
  ~Lease() {
    {
      std::lock_guard lock(store_.pool_mutex_);
      store_.idle_.push_back(std::move(connection_));
    }
    store_.pool_available_.notify_one();
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  SqliteConnection& connection() { return *connection_; }

 private:
  SqliteStore& store_;
  std::unique_ptr<SqliteConnection> connection_;
};

namespace {
void Migrate(SqliteConnection& connection) {
  SQLite::Database& db = connection.db();
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at INTEGER NOT NULL)");
  const int newest_known = AllMigrations().empty() ? 0 : AllMigrations().back().version;
  const int current = db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
  if (current > newest_known) {
    throw std::runtime_error("the database's schema version " + std::to_string(current) +
                             " is newer than this mentorbot knows (" + std::to_string(newest_known) +
                             "); upgrade mentorbot");
  }
  for (const Migration& migration : AllMigrations()) {
    if (migration.version <= current) continue;
    db.exec("BEGIN IMMEDIATE");
    try {
      // Another process may have migrated while we waited for the lock.
      SQLite::Statement applied(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
      applied.bind(1, migration.version);
      if (!applied.executeStep()) {
        db.exec(std::string(migration.sql));
        SQLite::Statement record(
            db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%s', 'now'))");
        record.bind(1, migration.version);
        record.bind(2, std::string(migration.name));
        record.exec();
      }
      applied.reset();
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
}

void RollBack(SqliteConnection& connection) {
  try {
    connection.ResetStatements();
    connection.db().exec("ROLLBACK");
  } catch (const std::exception&) {
    // No transaction was open (BEGIN itself failed): nothing to undo.
  }
}
}  // namespace

StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, const Options& options) {
  try {
    std::vector<std::unique_ptr<SqliteConnection>> pool;
    pool.push_back(std::make_unique<SqliteConnection>(path, /*create=*/true, options.busy_timeout_ms, options.max_bytes));
    Migrate(*pool.front());
    // At least two: the scheduler writes batches while its read snapshot is open.
    for (int i = 1; i < std::max(2, options.connections); ++i) {
      pool.push_back(
          std::make_unique<SqliteConnection>(path, /*create=*/false, options.busy_timeout_ms, options.max_bytes));
    }
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(pool)));
  } catch (const std::exception& e) {
    return Status::Unavailable("cannot open the database " + path + ": " + e.what());
  }
}

SqliteStore::SqliteStore(std::vector<std::unique_ptr<SqliteConnection>> connections)
    : idle_(std::move(connections)) {}

Status SqliteStore::Run(Access access, const Work& work) {
  std::unique_lock write_lock(write_mutex_, std::defer_lock);
  if (access == Access::kWrite) write_lock.lock();
  Lease lease(*this);
  SqliteConnection& connection = lease.connection();
  try {
    // Cached like every other statement: compiling BEGIN and COMMIT anew for
    // each transaction was a twentieth of a status request's time.
    connection.Prepare(access == Access::kWrite ? "BEGIN IMMEDIATE" : "BEGIN").exec();
    SqliteTransaction transaction(connection);
    work(transaction);
    connection.ResetStatements();
    connection.Prepare("COMMIT").exec();
    return Status::Ok();
  } catch (const SQLite::Exception& e) {
    RollBack(connection);
    return Status::Unavailable(std::string("database: ") + e.what());
  } catch (const std::exception& e) {
    RollBack(connection);
    return Status::Internal(e.what());
  }
}

Status SqliteStore::CheckHealth() {
  Lease lease(*this);
  try {
    lease.connection().db().execAndGet("SELECT COUNT(*) FROM schema_migrations");
    return Status::Ok();
  } catch (const std::exception& e) {
    return Status::Unavailable(std::string("database: ") + e.what());
  }
}

Status SqliteStore::CheckWritable(std::int64_t reserve_bytes) {
  std::lock_guard write_lock(write_mutex_);
  Lease lease(*this);
  SqliteConnection& connection = lease.connection();
  try {
    SQLite::Database& db = connection.db();
    db.exec("BEGIN IMMEDIATE");
    {
      // The room is claimed in the one table every mentorbot database has;
      // the row never outlives the rollback below.
      SQLite::Statement claim(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (-1, zeroblob(?), 0)");
      claim.bind(1, reserve_bytes);
      claim.exec();
    }
    db.exec("ROLLBACK");
    return Status::Ok();
  } catch (const std::exception& e) {
    RollBack(connection);
    return Status::Unavailable(std::string("database: ") + e.what());
  }
}

int SqliteStore::SchemaVersion() {
  Lease lease(*this);
  return lease.connection().db().execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
}

StatusOr<std::int64_t> SqliteStore::DatabaseBytes() {
  Lease lease(*this);
  try {
    SQLite::Database& db = lease.connection().db();
    const std::int64_t pages = db.execAndGet("PRAGMA page_count").getInt64();
    return pages * db.execAndGet("PRAGMA page_size").getInt64();
  } catch (const std::exception& e) {
    return Status::Unavailable(std::string("database: ") + e.what());
  }
}

}  // namespace mentorbot
