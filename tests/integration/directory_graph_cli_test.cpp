// `mentorbot directory sync` against a loopback Microsoft Graph (users/delta
// and mailbox time zones behind a client-credentials token): people,
// managers and IANA time zones of a Teams tenant arrive without a CSV (the
// command line always reads in full; incremental rounds from the stored
// delta link are the schedule's, tested in directory_sync_test and
// graph_directory_test); a 429 is waited out; a
// reorg that puts a pair inside one chain reaches the admins, who decide;
// a disabled account's pair is paused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/bot_process.h"
#include "tests/support/fake_graph_server.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;
using Route = FakeGraphServer::Route;

constexpr const char* kTenant = "tenant-directory";
constexpr const char* kClient = "client-directory";
constexpr const char* kSecret = "graph-directory-secret-never-logged";

std::string Teams(const std::string& id) { return std::string("teams:") + kTenant + ":" + id; }

class DirectoryGraphCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    graph.WithUsers([](FakeGraphUsers& users) {
      users.Add({"aad-boss", "Boss", "boss@contoso.com", "boss@contoso.com", "Sales", "VP", "Lisbon", true, ""});
      users.Add({"aad-mentor", "Mentor", "mentor@contoso.com", "mentor@contoso.com", "Engineering", "Engineer",
                 "Lagos", true, "aad-boss"});
      users.Add({"aad-mentee", "Mentee", "mentee@contoso.com", "mentee@contoso.com", "Finance", "Director", "Tokyo",
                 true, "aad-boss"});
      users.SetTimeZone("aad-mentor", "W. Central Africa Standard Time");
      users.SetTimeZone("aad-mentee", "Tokyo Standard Time");
    });
    json config = json::parse(TestConfigJson(dir.File("bot.db"), {Teams("aad-admin")}));
    config["calendar"] = {{"graph_api_base_url", graph.api_base_url()},
                          {"graph_login_base_url", graph.login_base_url()}};
    config["directory"] = {{"graph_tenant_id", kTenant}, {"graph_client_id", kClient}};
    std::ofstream(dir.File("config.json")) << config.dump();
  }
  RunResult Run(const std::vector<std::string>& args, const std::string& input = "") {
    std::vector<std::string> full = args;
    full.insert(full.end(), {"--config", dir.File("config.json")});
    return RunMentorbot(full, input, {{"GRAPH_CLIENT_SECRET", kSecret}});
  }
  std::string Chat(const std::string& who, const std::string& lines) {
    return Run({"chat", "--as", Teams(who)}, lines + "\nquit\n").out;
  }

  TempDir dir;
  FakeGraphServer graph{kTenant, kClient, kSecret};
};

TEST_F(DirectoryGraphCliTest, PeopleManagersAndTimeZonesArriveAndAReorgReachesTheAdmins) {
  Chat("aad-mentor", "join mentor");
  Chat("aad-mentee", "join mentee");
  graph.FailNext(Route::kUsersDelta, 1, 429, 1);  // throttled once: waited out, not a failed sync
  auto first = Run({"directory", "sync"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr(std::string("graph ") + kTenant + " full sync: 3 people read, 3 added"));
  EXPECT_THAT(first.out, HasSubstr("2 participant profiles updated"));
  EXPECT_EQ(graph.calls(Route::kUsersDelta), 2) << "the 429, then the same page again";
  EXPECT_THAT(first.err + first.out, ::testing::Not(HasSubstr(kSecret)));
  EXPECT_THAT(Chat("aad-mentee", "profile"), HasSubstr("Asia/Tokyo")) << "Windows name mapped to IANA";
  EXPECT_THAT(Chat("aad-mentor", "profile"), HasSubstr("Africa/Lagos"));
  EXPECT_THAT(Chat("aad-admin", "admin pair " + Teams("aad-mentor") + " " + Teams("aad-mentee")), HasSubstr("Paired"));

  graph.WithUsers([](FakeGraphUsers& users) { users.SetManager("aad-mentee", "aad-mentor"); });  // the reorg
  auto second = Run({"directory", "sync", "--workspace", kTenant});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("full sync: 3 people read, 0 added, 1 changed"));
  EXPECT_THAT(second.out, HasSubstr("1 manager changed"));
  EXPECT_THAT(second.out, HasSubstr("1 pair to review"));
  EXPECT_THAT(Chat("aad-admin", "admin directory keep 1"), HasSubstr("Kept pair #1"));
  EXPECT_THAT(Chat("aad-admin", "admin directory keep 1"), HasSubstr("already decided"));

  graph.WithUsers([](FakeGraphUsers& users) { users.Disable("aad-mentor"); });  // the mentor left
  auto third = Run({"directory", "sync"});
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_THAT(third.out, HasSubstr("1 deactivated"));
  EXPECT_THAT(third.out, HasSubstr("1 participant left"));
  EXPECT_THAT(Chat("aad-mentee", "status"), HasSubstr("paused"));
}

TEST_F(DirectoryGraphCliTest, WithoutTheClientSecretItIsAConfigError) {
  auto result = RunMentorbot({"directory", "sync", "--config", dir.File("config.json")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("GRAPH_CLIENT_SECRET: must be set"));
}

}  // namespace
}  // namespace mentorbot
