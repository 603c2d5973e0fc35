#include "storage/sqlite_store.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "storage/migrations.h"
#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"

namespace mentorbot {
namespace {

Person MakePerson(const std::string& id) {
  Person person;
  person.ref = UserRef{Platform::kSlack, "T1", id};
  person.display_name = "Person " + id;
  person.role = Role::kMentor;
  person.joined_at = TestEpoch();
  return person;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<SqliteStore> OpenStore() {
    auto store = SqliteStore::Open(dir.File("store.db"), SqliteStore::Options{3, 100});
    EXPECT_TRUE(store.ok()) << store.status().message();
    return std::move(store).value();
  }
  std::optional<Person> Find(Store& store, const UserRef& ref) {
    std::optional<Person> person;
    EXPECT_TRUE(store.Run(Store::Access::kRead, [&](StoreTransaction& tx) { person = tx.people().Find(ref); }).ok());
    return person;
  }

  TempDir dir;
};

TEST_F(SqliteStoreTest, MigratesANewDatabaseAndRecordsTheVersion) {
  auto store = OpenStore();
  EXPECT_EQ(store->SchemaVersion(), AllMigrations().back().version);
  EXPECT_TRUE(store->CheckHealth().ok());
  SQLite::Database db(dir.File("store.db"));
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM schema_migrations").getInt(),
            static_cast<int>(AllMigrations().size()));
}

TEST_F(SqliteStoreTest, MigrationsAreNumberedInOrderWithoutGaps) {
  int expected = 1;
  for (const auto& migration : AllMigrations()) EXPECT_EQ(migration.version, expected++);
}

TEST_F(SqliteStoreTest, ReopeningAppliesNothingTwice) {
  OpenStore();
  auto again = OpenStore();
  SQLite::Database db(dir.File("store.db"));
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM schema_migrations").getInt(),
            static_cast<int>(AllMigrations().size()));
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerMentorbot) {
  OpenStore();
  {
    SQLite::Database db(dir.File("store.db"), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)");
  }
  auto store = SqliteStore::Open(dir.File("store.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer"), std::string::npos);
}

TEST_F(SqliteStoreTest, SavesFindsAndUpdatesEveryField) {
  auto store = OpenStore();
  Person person = MakePerson("U1");
  person.profile = Profile{"Finance", 7, "slack:T1:U9", "Europe/Berlin", "Lisbon", "first-gen"};
  ASSERT_TRUE(store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) { person.id = tx.people().Save(person); }).ok());
  EXPECT_GT(person.id, 0);

  auto found = Find(*store, person.ref);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, person.id);
  EXPECT_EQ(found->display_name, "Person U1");
  EXPECT_EQ(found->role, Role::kMentor);
  EXPECT_EQ(found->profile.department, "Finance");
  EXPECT_EQ(found->profile.level, 7);
  EXPECT_EQ(found->profile.manager, "slack:T1:U9");
  EXPECT_EQ(found->profile.time_zone, "Europe/Berlin");
  EXPECT_EQ(found->profile.location, "Lisbon");
  EXPECT_EQ(found->profile.background, "first-gen");
  EXPECT_EQ(found->joined_at, TestEpoch());
  EXPECT_FALSE(found->left_at);

  found->enrolment = Enrolment::kLeft;
  found->left_at = TestEpoch() + std::chrono::hours(1);
  found->profile.level.reset();
  ASSERT_TRUE(store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) { tx.people().Save(*found); }).ok());
  auto updated = Find(*store, person.ref);
  EXPECT_FALSE(updated->active());
  EXPECT_EQ(updated->left_at, TestEpoch() + std::chrono::hours(1));
  EXPECT_FALSE(updated->profile.level);
  EXPECT_FALSE(Find(*store, UserRef{Platform::kSlack, "T2", "U1"})) << "the workspace is part of the identity";
}

TEST_F(SqliteStoreTest, AFailedTransactionWritesNothing) {
  auto store = OpenStore();
  Status status = store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    tx.people().Save(MakePerson("U1"));
    tx.people().Save(MakePerson("U1"));  // violates the unique identity
  });
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_FALSE(Find(*store, MakePerson("U1").ref)) << "the first insert was rolled back too";
}

TEST_F(SqliteStoreTest, AnExceptionInTheWorkRollsBackAndIsReported) {
  auto store = OpenStore();
  Status status = store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    tx.people().Save(MakePerson("U1"));
    throw std::runtime_error("handler bug");
  });
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_FALSE(Find(*store, MakePerson("U1").ref));
  EXPECT_TRUE(store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) { tx.people().Save(MakePerson("U1")); }).ok())
      << "the connection is usable again";
}

TEST_F(SqliteStoreTest, ALockedDatabaseIsUnavailableNotACrash) {
  auto store = OpenStore();
  SQLite::Database blocker(dir.File("store.db"), SQLite::OPEN_READWRITE);
  blocker.exec("BEGIN EXCLUSIVE");
  Status status = store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) { tx.people().Save(MakePerson("U1")); });
  blocker.exec("ROLLBACK");
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_FALSE(Find(*store, MakePerson("U1").ref));
}

TEST_F(SqliteStoreTest, ConcurrentWritersFromManyThreadsAllLand) {
  auto store = OpenStore();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        Status status = store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
          tx.people().Save(MakePerson("U" + std::to_string(t) + "x" + std::to_string(i)));
        });
        if (!status.ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  SQLite::Database db(dir.File("store.db"));
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM people").getInt(), 200);
}

TEST_F(SqliteStoreTest, AnUnopenableFileIsAStatusNotACrash) {
  auto store = SqliteStore::Open(dir.File("no/such/folder/store.db"));
  EXPECT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("cannot open"), std::string::npos);
}

TEST_F(SqliteStoreTest, AtItsMaximumSizeWritesFailCleanlyAndTheProbeSaysSo) {
  auto opened = SqliteStore::Open(dir.File("capped.db"), SqliteStore::Options{2, 100, 1024 * 1024});
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  SqliteStore& store = **opened;
  EXPECT_TRUE(store.CheckWritable(64 * 1024).ok());
  int saved = 0;
  Status full;
  for (int i = 0; i < 1000 && full.ok(); ++i) {
    Person person = MakePerson("U" + std::to_string(i));
    person.display_name = std::string(4000, 'n');
    full = store.Run(Store::Access::kWrite, [&](StoreTransaction& tx) { tx.people().Save(person); });
    if (full.ok()) ++saved;
  }
  ASSERT_FALSE(full.ok()) << "1 MiB holds fewer than 1000 people of 4 KB";
  EXPECT_EQ(full.code(), StatusCode::kUnavailable);
  EXPECT_NE(full.message().find("full"), std::string::npos) << full.message();
  const Status probe = store.CheckWritable(64 * 1024);
  EXPECT_FALSE(probe.ok());
  EXPECT_NE(probe.message().find("full"), std::string::npos) << probe.message();
  EXPECT_TRUE(store.CheckHealth().ok()) << "still readable";
  EXPECT_TRUE(Find(store, UserRef{Platform::kSlack, "T1", "U0"}));
  SQLite::Database db(dir.File("capped.db"));
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM people").getInt(), saved) << "the failed write left nothing";
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM schema_migrations").getInt(), static_cast<int>(AllMigrations().size()))
      << "the probes left nothing";
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

}  // namespace
}  // namespace mentorbot
