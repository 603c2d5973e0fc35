// The mentorbot binary's command line: help, version, config errors (calendar
// credentials among them), chat.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/bot_process.h"
#include "tests/support/fake_google_calendar.h"
#include "tests/support/jwt_minting.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

// Writes a test config with `calendar` as its calendar section; returns its path.
std::string WriteCalendarConfig(const TempDir& dir, const json& calendar) {
  json config = json::parse(TestConfigJson(dir.File("bot.db")));
  config["calendar"] = calendar;
  std::ofstream(dir.File("config.json")) << config.dump();
  return dir.File("config.json");
}

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

TEST(CommandLineTest, AGraphCalendarWithoutItsSecretExitsWithTwoNamingTheVariable) {
  TempDir dir;
  const json graph = {{"graph_tenant_id", "tenant"}, {"graph_client_id", "client"}};
  json everywhere = graph, one_workspace = graph;
  everywhere["provider"] = "graph";
  one_workspace["workspaces"] = {{"T0001", "graph"}};
  for (const auto& [calendar, why] : {std::pair{everywhere, "because calendar.provider is \"graph\""},
                                      std::pair{one_workspace, "because calendar.workspaces.T0001 is \"graph\""}}) {
    const std::string config = WriteCalendarConfig(dir, calendar);
    auto serve = RunMentorbot({"serve", "--config", config});
    EXPECT_EQ(serve.exit_code, 2) << serve.err;
    EXPECT_THAT(serve.err, HasSubstr("bad config: " + config + ": GRAPH_CLIENT_SECRET: must be set"));
    EXPECT_THAT(serve.err, HasSubstr(why));
    EXPECT_THAT(serve.err, Not(HasSubstr("listening")));
    auto tick = RunMentorbot({"tick", "--config", config});
    EXPECT_EQ(tick.exit_code, 2) << "every subcommand that books calendars checks it";
  }
  auto with_secret = RunMentorbot({"chat", "--config", dir.File("config.json"), "--as", "alice"}, "quit\n",
                                  {{"GRAPH_CLIENT_SECRET", "graph-secret-never-printed"}});
  EXPECT_EQ(with_secret.exit_code, 0) << with_secret.err;
  EXPECT_THAT(with_secret.err + with_secret.out, Not(HasSubstr("graph-secret-never-printed")));
}

TEST(CommandLineTest, AGoogleCalendarWithoutAUsableKeyFileExitsWithTwoNamingTheKey) {
  TempDir dir;
  const TestSigningKey key("cli-key");
  json key_file =
      ServiceAccountKeyFile(key, "bot@project.iam.gserviceaccount.com", "https://oauth2.googleapis.com/token");
  std::ofstream(dir.File("good.json")) << key_file.dump();
  key_file.erase("client_email");
  std::ofstream(dir.File("no-email.json")) << key_file.dump();
  struct Case {
    json calendar;
    Environment env;
    std::string expected;
  };
  const json google = {{"provider", "google"}};
  json in_config = google, absent = google;
  in_config["google_key_file"] = dir.File("no-email.json");
  absent["google_key_file"] = dir.File("absent.json");
  for (const Case& c : {Case{google, {}, "calendar.google_key_file: required (or GOOGLE_SERVICE_ACCOUNT_KEY_FILE)"},
                        Case{absent, {}, "calendar.google_key_file: cannot read the service account key file " +
                                             dir.File("absent.json")},
                        Case{in_config, {}, "calendar.google_key_file: service account key file has no client_email"},
                        Case{google, {{"GOOGLE_SERVICE_ACCOUNT_KEY_FILE", dir.File("no-email.json")}},
                             "GOOGLE_SERVICE_ACCOUNT_KEY_FILE: service account key file has no client_email"}}) {
    auto result = RunMentorbot({"serve", "--config", WriteCalendarConfig(dir, c.calendar)}, "", c.env);
    EXPECT_EQ(result.exit_code, 2) << c.expected << "\n" << result.err;
    EXPECT_THAT(result.err, HasSubstr(c.expected));
    EXPECT_THAT(result.err, HasSubstr("calendar.provider is \"google\""));
    EXPECT_THAT(result.err, Not(HasSubstr("PRIVATE KEY"))) << "the key is never quoted";
  }
  auto usable = RunMentorbot({"chat", "--config", WriteCalendarConfig(dir, google), "--as", "alice"}, "quit\n",
                             {{"GOOGLE_SERVICE_ACCOUNT_KEY_FILE", dir.File("good.json")}});
  EXPECT_EQ(usable.exit_code, 0) << usable.err;
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
