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

}  // namespace
}  // namespace mentorbot
