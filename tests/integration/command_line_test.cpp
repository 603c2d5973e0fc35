// The mentorbot binary's command line: help, version, config errors, chat.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/bot_process.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;

TEST(CommandLineTest, HelpAndVersion) {
  auto help = RunMentorbot({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("mentorbot chat --as USER"));
  auto version = RunMentorbot({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, HasSubstr("mentorbot 0."));
}

TEST(CommandLineTest, BadUsageExitsWithTwo) {
  auto result = RunMentorbot({"frobnicate"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("unknown subcommand 'frobnicate'"));
}

TEST(CommandLineTest, ABadConfigExitsWithTwoNamingTheKeyAndStartsNothing) {
  TempDir dir;
  struct Case {
    std::string json;
    std::string expected;
  };
  for (const Case& c : {Case{"{\"server\": {\"port\": 70000}}", "server.port: must be an integer from 0 to 65535"},
                        Case{"{\"server\": {\"port\": \"80\"}}", "server.port: must be an integer"},
                        Case{"{\"slack\": {\"comand\": \"/x\"}}", "slack.comand: unknown key"},
                        Case{"{not json", "not valid JSON"}}) {
    std::ofstream(dir.File("config.json")) << c.json;
    auto result = RunMentorbot({"serve", "--config", dir.File("config.json")});
    EXPECT_EQ(result.exit_code, 2) << c.json;
    EXPECT_THAT(result.err, HasSubstr(c.expected)) << c.json;
  }
  auto missing = RunMentorbot({"--config", dir.File("absent.json")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("cannot read the file"));
}

TEST(CommandLineTest, ChatRunsCommandsFromStandardInput) {
  TempDir dir;
  std::ofstream(dir.File("config.json")) << TestConfigJson(dir.File("chat.db"));
  auto result = RunMentorbot({"chat", "--config", dir.File("config.json"), "--as", "alice"},
                             "help\n\n/mentor join mentee\nprofile set department Finance\nstatus\nquit\nstatus\n");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("Here's what you can do"));
  EXPECT_THAT(result.out, HasSubstr("enrolled as a mentee"));
  EXPECT_THAT(result.out, HasSubstr("department is now Finance"));
  EXPECT_EQ(result.out.find("Your status"), result.out.rfind("Your status")) << "nothing after quit is run";

  auto again = RunMentorbot({"chat", "--config", dir.File("config.json"), "--as", "alice"}, "profile\n");
  EXPECT_THAT(again.out, HasSubstr("department: Finance")) << "the same database, durably";
  auto bad_user = RunMentorbot({"chat", "--config", dir.File("config.json"), "--as", "bad:user"});
  EXPECT_EQ(bad_user.exit_code, 2);
}

}  // namespace
}  // namespace mentorbot
