// A full database (database.max_size_mb reached) on the real binary: a
// command that needs room is answered "try again later" — a 200 for a Slack
// slash command, whose answer is only ever shown, never retried — and changes
// nothing; /readyz answers 503 while no write fits (liveness stays 200); once
// room is freed, readiness and writes come back by themselves, nothing
// acknowledged before was lost and the file passes integrity_check.
#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sqlite3.h>

#include <chrono>

#include "tests/support/database_file.h"
#include "tests/support/platform_fakes.h"
#include "tests/support/slack_signing.h"
#include "tests/support/wait_until.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kMaxSizeMb = 1;

class DatabaseFullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto config = fakes.Config(dir.File("bot.db"));
    config["database"]["max_size_mb"] = kMaxSizeMb;
    bot = std::make_unique<BotProcess>(dir, config.dump(), fakes.Env());
  }

  std::string Command(const std::string& user, const std::string& text) {
    auto result = PostSlashCommand(bot->port(), PlatformFakes::kSlackSecret, "T1", user, text);
    EXPECT_EQ(result.status, 200) << text.substr(0, 40) << ": " << result.body;
    return result.body;
  }

  // Polls GET /readyz until it answers `status` (for up to 15 s).
  bool WaitForReadiness(int status) {
    httplib::Client client("127.0.0.1", bot->port());
    return WaitUntil(
        [&] {
          auto ready = client.Get("/readyz");
          return ready && ready->status == status;
        },
        std::chrono::seconds(15));
  }

  // Another writer fills the database up to the same limit, as the bot's own
  // growth would; returns the connection, which can free the room again.
  std::unique_ptr<SQLite::Database> FillUp() {
    auto db = std::make_unique<SQLite::Database>(dir.File("bot.db"), SQLite::OPEN_READWRITE, 5000);
    const long long page_size = db->execAndGet("PRAGMA page_size").getInt64();
    db->exec("PRAGMA max_page_count = " + std::to_string(kMaxSizeMb * 1024LL * 1024 / page_size));
    db->exec("CREATE TABLE filler (bytes BLOB)");
    for (int chunk : {65536, 4096, 512}) {
      try {
        for (;;) db->exec("INSERT INTO filler VALUES (zeroblob(" + std::to_string(chunk) + "))");
      } catch (const SQLite::Exception& e) {
        EXPECT_EQ(e.getErrorCode(), SQLITE_FULL) << e.what();
      }
    }
    return db;
  }

  TempDir dir;
  PlatformFakes fakes;
  std::unique_ptr<BotProcess> bot;
};

TEST_F(DatabaseFullTest, CommandsSayTryAgainReadinessFailsAndEverythingComesBackIntact) {
  Command("UMENTOR", "join mentor");
  Command("UMENTEE", "join mentee");
  EXPECT_THAT(Command("UMENTEE", "profile set department Finance"), HasSubstr("Finance"));
  EXPECT_THAT(Command("UADMIN", "admin pair <@UMENTOR> <@UMENTEE>"), HasSubstr("Paired"));
  Command("UMENTEE", "met");
  EXPECT_THAT(Command("UMENTEE", "takeaways Before the disk filled up"), HasSubstr("Takeaways saved"));
  ASSERT_TRUE(WaitForReadiness(200));

  auto filler = FillUp();
  EXPECT_TRUE(WaitForReadiness(503)) << "not ready while nothing fits";
  httplib::Client client("127.0.0.1", bot->port());
  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->body, "database not writable\n");
  auto live = client.Get("/healthz");
  ASSERT_TRUE(live);
  EXPECT_EQ(live->status, 200) << "alive all the same: restarting would not make room";

  // 4,000 three-byte characters need pages of their own: there are none.
  std::string large;
  for (int i = 0; i < 4000; ++i) large += "\xE2\x82\xAC";  // €
  const std::string refused = Command("UMENTEE", "takeaways " + large);
  EXPECT_THAT(refused, HasSubstr("try again in a minute"));
  EXPECT_THAT(refused, HasSubstr("Nothing was changed"));
  EXPECT_THAT(bot->Log(), HasSubstr("database or disk is full"));
  EXPECT_EQ(client.Get("/readyz")->status, 503);

  filler->exec("DROP TABLE filler");  // room again, as after a clean-up
  filler.reset();
  EXPECT_TRUE(WaitForReadiness(200)) << bot->Log();
  EXPECT_THAT(Command("UMENTOR", "takeaways"), HasSubstr("Before the disk filled up")) << "the refused write left no trace";
  EXPECT_THAT(Command("UMENTEE", "profile"), HasSubstr("Finance"));
  EXPECT_THAT(Command("UMENTEE", "takeaways " + large), HasSubstr("Takeaways updated"));

  bot->Stop(SIGTERM);
  EXPECT_EQ(IntegrityCheck(dir.File("bot.db")), "ok");
  EXPECT_EQ(QueryColumn(dir.File("bot.db"), "SELECT takeaways FROM sessions"), std::vector<std::string>{large});
  EXPECT_EQ(QueryColumn(dir.File("bot.db"), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'filler'"),
            std::vector<std::string>{"0"});
}

}  // namespace
}  // namespace mentorbot
