#include "bot/app/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/temp_dir.h"

namespace mentorbot {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The problem reported for a config text, or "" if it was accepted.
std::string Problem(const std::string& json) {
  auto config = ParseConfig(json);
  return config.ok() ? "" : config.status().message();
}

TEST(ConfigTest, EmptyObjectGivesTheDocumentedDefaults) {
  auto config = ParseConfig("{}");
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->server_host, "127.0.0.1");
  EXPECT_EQ(config->server_port, 3978);
  EXPECT_EQ(config->slack_api_base_url, "https://slack.com/api");
  EXPECT_EQ(config->slack_command, "/mentor");
  EXPECT_EQ(config->log_level, "info");
  EXPECT_EQ(config->program_default_time_zone, "UTC");
}

TEST(ConfigTest, TheExampleConfigIsValidAndHasEveryKey) {
  const std::string text = ReadFile(std::string(MENTORBOT_SOURCE_DIR) + "/config.example.json");
  auto config = ParseConfig(text);
  ASSERT_TRUE(config.ok()) << config.status().message();
  const auto json = nlohmann::json::parse(text);
  for (const auto& key : ConfigKeys()) {
    const auto dot = key.key.find('.');
    EXPECT_TRUE(json.contains(key.key.substr(0, dot)) && json[key.key.substr(0, dot)].contains(key.key.substr(dot + 1)))
        << key.key << " is missing from config.example.json";
  }
}

TEST(ConfigTest, EveryKeyIsDocumentedInTheReadme) {
  const std::string readme = ReadFile(std::string(MENTORBOT_SOURCE_DIR) + "/README.md");
  for (const auto& key : ConfigKeys()) {
    EXPECT_NE(readme.find("`" + key.key + "`"), std::string::npos) << key.key << " is not in README.md";
  }
}

TEST(ConfigTest, UnparseableJsonIsReported) {
  EXPECT_NE(Problem("{\"server\": ").find("not valid JSON"), std::string::npos);
  EXPECT_NE(Problem("[1, 2]").find("JSON object"), std::string::npos);
}

// Found by fuzz/config_fuzzer (fuzz/corpus/config/crash-number-overflow): the
// JSON library reports a number too large for a double as out_of_range, not
// as a parse error, and that escaped ParseConfig.
TEST(ConfigTest, ANumberTooLargeForADoubleIsInvalidJsonNotACrash) {
  EXPECT_NE(Problem(R"({"server": {"port": 1e999}})").find("not valid JSON"), std::string::npos);
  EXPECT_NE(Problem("7e777").find("not valid JSON"), std::string::npos);
  EXPECT_NE(Problem("-1e400").find("number overflow"), std::string::npos);
}

TEST(ConfigTest, UnknownKeysAreNamed) {
  EXPECT_EQ(Problem(R"({"sever": {}})"), "sever: unknown key");
  EXPECT_EQ(Problem(R"({"server": {"hots": "x"}})"), "server.hots: unknown key");
  EXPECT_EQ(Problem(R"({"server": 3})"), "server: must be an object");
}

TEST(ConfigTest, WrongTypesAreNamedWithTheValue) {
  EXPECT_EQ(Problem(R"({"server": {"port": "3978"}})"),
            "server.port: must be an integer from 0 to 65535 (got \"3978\")");
  EXPECT_EQ(Problem(R"({"server": {"host": 127}})"), "server.host: must be a string (got 127)");
  EXPECT_EQ(Problem(R"({"server": {"port": 3978.5}})").rfind("server.port:", 0), 0u);
  EXPECT_EQ(Problem(R"({"program": {"admins": "slack:T1:U1"}})").rfind("program.admins:", 0), 0u);
}

TEST(ConfigTest, OutOfRangeValuesAreNamed) {
  EXPECT_EQ(Problem(R"({"server": {"port": 70000}})"), "server.port: must be an integer from 0 to 65535 (got 70000)");
  EXPECT_EQ(Problem(R"({"server": {"port": -1}})"), "server.port: must be an integer from 0 to 65535 (got -1)");
  EXPECT_EQ(Problem(R"({"server": {"threads": 0}})").rfind("server.threads:", 0), 0u);
  EXPECT_EQ(Problem(R"({"server": {"max_body_bytes": 10}})").rfind("server.max_body_bytes:", 0), 0u);
  EXPECT_EQ(Problem(R"({"server": {"active_requests": 257}})").rfind("server.active_requests:", 0), 0u);
  EXPECT_EQ(Problem(R"({"database": {"max_size_mb": -1}})"),
            "database.max_size_mb: must be an integer from 0 to 1048576 (got -1)");
  EXPECT_EQ(Problem(R"({"server": {"port": 0}})"), "") << "0 means any free port";
}

TEST(ConfigTest, BooleansMustBeBooleans) {
  EXPECT_EQ(Problem(R"({"scheduler": {"enabled": "no"}})"), "scheduler.enabled: must be true or false (got \"no\")");
  auto config = ParseConfig(R"({"scheduler": {"enabled": false}})");
  ASSERT_TRUE(config.ok());
  EXPECT_FALSE(config->scheduler_enabled);
}

TEST(ConfigTest, MetricsAreOffUnlessEnabledWithABoolean) {
  auto defaults = ParseConfig("{}");
  ASSERT_TRUE(defaults.ok());
  EXPECT_FALSE(defaults->metrics_enabled);
  auto enabled = ParseConfig(R"({"metrics": {"enabled": true}})");
  ASSERT_TRUE(enabled.ok()) << enabled.status().message();
  EXPECT_TRUE(enabled->metrics_enabled);
  EXPECT_EQ(Problem(R"({"metrics": {"enabled": "yes"}})"), "metrics.enabled: must be true or false (got \"yes\")");
  EXPECT_EQ(Problem(R"({"metrics": {"enabled": 1}})"), "metrics.enabled: must be true or false (got 1)");
  EXPECT_EQ(Problem(R"({"metrics": {"path": "/m"}})"), "metrics.path: unknown key");
  EXPECT_EQ(Problem(R"({"metrics": true})"), "metrics: must be an object");
}

TEST(ConfigTest, ValuesAreValidated) {
  EXPECT_EQ(Problem(R"({"slack": {"api_base_url": "ftp://x"}})").rfind("slack.api_base_url:", 0), 0u);
  EXPECT_EQ(Problem(R"({"slack": {"command": "mentor"}})").rfind("slack.command:", 0), 0u);
  EXPECT_EQ(Problem(R"({"log": {"level": "loud"}})").rfind("log.level:", 0), 0u);
  EXPECT_EQ(Problem(R"({"database": {"path": ""}})"), "database.path: must not be empty");
  EXPECT_EQ(Problem(R"({"program": {"default_time_zone": "Moon/Base"}})").rfind("program.default_time_zone:", 0), 0u);
  EXPECT_NE(Problem(R"({"program": {"admins": ["slack:T1:U1", "bob"]}})").find("item 1"), std::string::npos);
}

TEST(ConfigTest, AcceptsAFullValidConfig) {
  auto config = ParseConfig(R"({"server": {"host": "0.0.0.0", "port": 8080, "threads": 4, "max_body_bytes": 2048},
    "database": {"path": "/var/lib/mentorbot/db.sqlite"}, "slack": {"api_base_url": "http://127.0.0.1:9/api",
    "command": "/rm"}, "log": {"level": "debug"}, "program": {"admins": ["slack:T1:U1", "teams:tid:oid"],
    "default_time_zone": "Europe/Berlin"}})");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->server_port, 8080);
  EXPECT_EQ(config->slack_command, "/rm");
  EXPECT_EQ(config->program_admins.size(), 2u);
}

TEST(ConfigTest, LoadConfigResolvesTheDatabaseNextToTheFileAndNamesTheFileInErrors) {
  TempDir dir;
  std::ofstream(dir.File("good.json")) << R"({"database": {"path": "data/bot.db"}})";
  auto config = LoadConfig(dir.File("good.json"));
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->database_path, dir.File("data/bot.db"));

  std::ofstream(dir.File("bad.json")) << R"({"server": {"port": 99999}})";
  auto bad = LoadConfig(dir.File("bad.json"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), dir.File("bad.json") + ": server.port: must be an integer from 0 to 65535 (got 99999)");
  EXPECT_FALSE(LoadConfig(dir.File("missing.json")).ok());
}

TEST(ConfigTest, DirectoryKeysAreValidated) {
  EXPECT_EQ(Problem(R"({"directory": {"graph_tenant_id": "t"}})"),
            "directory.graph_client_id: required when directory.graph_tenant_id is set");
  EXPECT_EQ(Problem(R"({"directory": {"graph_tenant_id": "t", "graph_client_id": "c", "slack": true,
                        "slack_manager_field": "Xf0123ABCD"}})"), "");
  EXPECT_THAT(Problem(R"({"directory": {"slack_manager_field": "manager"}})"),
              ::testing::HasSubstr("directory.slack_manager_field: must be a Slack profile field id"));
  EXPECT_THAT(Problem(R"({"directory": {"incremental_sync_minutes": 1}})"),
              ::testing::HasSubstr("directory.incremental_sync_minutes"));
}
}  // namespace
}  // namespace mentorbot
