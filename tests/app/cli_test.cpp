#include "bot/app/cli.h"

#include <gtest/gtest.h>

namespace mentorbot {
namespace {

TEST(CliTest, ServeIsTheDefault) {
  auto line = ParseCommandLine({});
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line->action, CommandLine::Action::kServe);
  EXPECT_EQ(line->config_path, "config.json");
  auto with_config = ParseCommandLine({"--config", "x.json"});
  EXPECT_EQ(with_config->action, CommandLine::Action::kServe);
  EXPECT_EQ(with_config->config_path, "x.json");
}

TEST(CliTest, ChatNeedsAUser) {
  auto line = ParseCommandLine({"chat", "--config", "c.json", "--as", "alice"});
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line->action, CommandLine::Action::kChat);
  EXPECT_EQ(line->chat_user, "alice");
  EXPECT_FALSE(ParseCommandLine({"chat"}).ok());
  EXPECT_FALSE(ParseCommandLine({"chat", "--as"}).ok());
}

TEST(CliTest, RosterImportTakesAFileAndItsOptions) {
  auto line = ParseCommandLine({"roster", "import", "people.csv", "--skip-bad", "--workspace", "slack:T1", "--config", "c.json"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->action, CommandLine::Action::kRosterImport);
  EXPECT_EQ(line->roster_file, "people.csv");
  EXPECT_TRUE(line->skip_bad);
  EXPECT_EQ(line->workspace, "slack:T1");
  EXPECT_EQ(line->config_path, "c.json");
  EXPECT_FALSE(ParseCommandLine({"roster"}).ok());
  EXPECT_FALSE(ParseCommandLine({"roster", "import"}).ok()) << "the file is required";
  EXPECT_FALSE(ParseCommandLine({"roster", "import", "--skip-bad"}).ok());
  EXPECT_FALSE(ParseCommandLine({"roster", "export", "x.csv"}).ok());
  EXPECT_FALSE(ParseCommandLine({"roster", "import", "x.csv", "--json"}).ok()) << "--json belongs to match";
}

TEST(CliTest, MatchPrintsOrAppliesWithJsonOnRequest) {
  auto line = ParseCommandLine({"match", "--json", "--apply"});
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line->action, CommandLine::Action::kMatch);
  EXPECT_TRUE(line->json);
  EXPECT_TRUE(line->apply);
  auto plain = ParseCommandLine({"match"});
  EXPECT_FALSE(plain->json);
  EXPECT_FALSE(plain->apply);
  EXPECT_FALSE(ParseCommandLine({"match", "--skip-bad"}).ok());
  EXPECT_FALSE(ParseCommandLine({"tick", "--apply"}).ok());
}

TEST(CliTest, ExportAndBackupNeedWhereToWrite) {
  auto exported = ParseCommandLine({"export", "--out", "dir"});
  ASSERT_TRUE(exported.ok());
  EXPECT_EQ(exported->action, CommandLine::Action::kExport);
  EXPECT_EQ(exported->out, "dir");
  auto backup = ParseCommandLine({"backup", "--out", "copy.db", "--config", "c.json"});
  ASSERT_TRUE(backup.ok());
  EXPECT_EQ(backup->action, CommandLine::Action::kBackup);
  EXPECT_FALSE(ParseCommandLine({"export"}).ok());
  EXPECT_FALSE(ParseCommandLine({"backup", "--out"}).ok());
  EXPECT_FALSE(ParseCommandLine({"match", "--out", "x"}).ok());
}

TEST(CliTest, HelpAndVersion) {
  EXPECT_EQ(ParseCommandLine({"--help"})->action, CommandLine::Action::kHelp);
  EXPECT_EQ(ParseCommandLine({"serve", "-h"})->action, CommandLine::Action::kHelp);
  EXPECT_EQ(ParseCommandLine({"--version"})->action, CommandLine::Action::kVersion);
}

TEST(CliTest, MistakesAreNamed) {
  EXPECT_EQ(ParseCommandLine({"srve"}).status().message(), "unknown subcommand 'srve'");
  EXPECT_EQ(ParseCommandLine({"--port", "1"}).status().message(), "unknown option '--port'");
  EXPECT_EQ(ParseCommandLine({"serve", "--as", "x"}).status().message(), "unknown option '--as'");
  EXPECT_EQ(ParseCommandLine({"--config"}).status().message(), "--config needs a value");
}

TEST(CliTest, DirectorySyncTakesAWorkspace) {
  auto line = ParseCommandLine({"directory", "sync", "--workspace", "T1", "--config", "c.json"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->action, CommandLine::Action::kDirectorySync);
  EXPECT_EQ(line->workspace, "T1");
  EXPECT_FALSE(ParseCommandLine({"directory"}).ok());
  EXPECT_FALSE(ParseCommandLine({"directory", "import"}).ok());
}
}  // namespace
}  // namespace mentorbot
