// mentorbot export and mentorbot backup through the real binary: the export
// holds the program's facts and never a private text; the backup is a whole,
// consistent database even while the bot is serving.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "storage/sqlite_store.h"
#include "tests/support/bot_process.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class ExportBackupTest : public ::testing::Test {
 protected:
  ExportBackupTest() {
    std::ofstream(dir.File("config.json"))
        << "{\"database\": {\"path\": \"" << dir.File("bot.db") << "\"}, \"log\": {\"level\": \"warn\"}, "
        << "\"program\": {\"admins\": [\"console:local:ada\"]}}";
  }
  RunResult Run(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.end(), {"--config", dir.File("config.json")});
    return RunMentorbot(args, input);
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  // A pair that met, with every kind of private text written down.
  void History() {
    Run({"chat", "--as", "riley"}, "join mentor\nprofile set background SECRET-BACKGROUND\n");
    Run({"chat", "--as", "morgan"}, "join mentee\n");
    ASSERT_THAT(Run({"chat", "--as", "ada"}, "admin pair riley morgan\n").out, HasSubstr("Paired"));
    Run({"chat", "--as", "morgan"}, "met\ntakeaways SECRET-TAKEAWAY\nfeedback 4 SECRET-COMMENT\nagenda SECRET-AGENDA\n"
                                    "pulse pre 2 3 4\n");
  }
  TempDir dir;
};

TEST_F(ExportBackupTest, TheExportHasTheFactsAndNoPrivateText) {
  History();
  auto result = Run({"export", "--out", dir.File("export")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("people.csv: 2 rows"));
  std::string everything;
  for (const char* name : {"people.csv", "pairs.csv", "sessions.csv", "feedback.csv", "pulse.csv"}) {
    const std::string content = Read(dir.File("export/" + std::string(name)));
    ASSERT_FALSE(content.empty()) << name;
    everything += content;
  }
  EXPECT_THAT(everything, Not(HasSubstr("SECRET"))) << "no background, takeaway, comment or agenda";
  EXPECT_THAT(Read(dir.File("export/people.csv")), StartsWith("id,user,name,role,enrolment,"));
  EXPECT_THAT(Read(dir.File("export/sessions.csv")), HasSubstr(",held,"));
  EXPECT_THAT(Read(dir.File("export/feedback.csv")), HasSubstr(",4,"));
  EXPECT_THAT(Read(dir.File("export/pulse.csv")), HasSubstr(",pre,3,4,"));
  EXPECT_EQ(Run({"export"}).exit_code, 2) << "--out is required";
}

TEST_F(ExportBackupTest, ABackupWhileTheBotServesIsAWholeDatabase) {
  History();
  BotProcess bot(dir, Read(dir.File("config.json")), Environment{});
  auto result = Run({"backup", "--out", dir.File("copy.db")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir.File("copy.db.partial")));
  auto copy = SqliteStore::Open(dir.File("copy.db"), SqliteStore::Options{1, 100});
  ASSERT_TRUE(copy.ok()) << copy.status().message();
  int people = 0, pairs = 0;
  ASSERT_TRUE((*copy)->Run(Store::Access::kRead, [&](StoreTransaction& tx) {
    people = static_cast<int>(tx.people().ListAll().size());
    pairs = static_cast<int>(tx.pairs().ListAll().size());
  }).ok());
  EXPECT_EQ(people, 2);
  EXPECT_EQ(pairs, 1);
  EXPECT_EQ(Run({"backup", "--out", dir.File("nowhere/x/copy.db")}).exit_code, 1) << "an unwritable target fails cleanly";
}

}  // namespace
}  // namespace mentorbot
