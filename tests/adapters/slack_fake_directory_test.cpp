// The fake Slack directory keeps to Slack's documented users.list and
// users.profile.get contract (see fake_slack_directory.h), and stays quick
// with a large workspace (the directory benchmark relies on it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/common/form_decoding.h"
#include "adapters/common/http_client.h"
#include "adapters/slack/slack_directory.h"
#include "tests/support/fake_slack_server.h"

namespace mentorbot {
namespace {

using nlohmann::json;

constexpr const char* kToken = "xoxb-fake-directory-test";

class SlackFakeDirectoryTest : public ::testing::Test {
 protected:
  void Seed(int count) {
    std::vector<FakeSlackMember> members(count);
    for (int i = 0; i < count; ++i) {
      members[i].id = "U" + std::to_string(1000000 + i);
      members[i].display_name = "person " + std::to_string(i);
      members[i].manager = i == 0 ? "" : "U" + std::to_string(1000000 + (i - 1) / 10);
    }
    slack_.directory().AddMembers(std::move(members));
  }
  json Call(const std::string& method, const std::string& form) {
    auto response = client_.Post(slack_.base_url() + "/" + method, {{"Authorization", std::string("Bearer ") + kToken}},
                                 form, "application/x-www-form-urlencoded");
    EXPECT_TRUE(response.ok());
    return response.ok() ? json::parse(response->body, nullptr, false) : json();
  }

  FakeSlackServer slack_{kToken};
  HttpClient client_{std::chrono::seconds(10)};
};

TEST_F(SlackFakeDirectoryTest, UsersListPagesAsSlackDocumentsIt) {
  Seed(1200);
  EXPECT_EQ(Call("users.list", "")["error"], "limit_required") << "a large team without a limit";
  const json clamped = Call("users.list", "limit=5000");
  EXPECT_EQ(clamped["members"].size(), 1000u) << "limit under 1000";
  const std::string cursor = clamped["response_metadata"]["next_cursor"];
  EXPECT_FALSE(cursor.empty());
  const json last = Call("users.list", "limit=5000&cursor=" + FormEncodeValue(cursor));
  EXPECT_EQ(last["members"].size(), 200u);
  EXPECT_EQ(last["response_metadata"]["next_cursor"], "") << "the last page";
  EXPECT_EQ(Call("users.list", "limit=10&cursor=bm9wZQ%3D%3D")["error"], "invalid_cursor");
  EXPECT_FALSE(last["members"][0]["profile"].contains("fields")) << "custom fields come from users.profile.get";
}

TEST_F(SlackFakeDirectoryTest, UsersProfileGetKeysCustomFieldsByFieldId) {
  Seed(3);
  const json profile = Call("users.profile.get", "user=U1000001");
  EXPECT_EQ(profile["profile"]["fields"]["Xf0MANAGER"], (json{{"value", "U1000000"}, {"alt", ""}}));
  EXPECT_EQ(Call("users.profile.get", "user=U1000000")["profile"]["fields"], json::array()) << "none filled in";
  EXPECT_EQ(Call("users.profile.get", "user=U404")["error"], "user_not_found");
  EXPECT_EQ(Call("auth.test", "")["team_id"], "T0FAKE");
}

TEST_F(SlackFakeDirectoryTest, AHundredThousandMembersAreReadQuickly) {
  Seed(100000);
  SlackDirectoryOptions options;
  options.manager_field = "Xf0MANAGER";
  options.sleep = [](std::chrono::milliseconds) {};
  SlackDirectory directory(slack_.base_url(), kToken, client_, options);
  DirectoryRequest request;
  request.watch_ids = {"U1099999"};  // a chain of five up to U1000000
  const auto start = std::chrono::steady_clock::now();
  auto read = directory.Read(request, {});
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->people.size(), 100000u);
  EXPECT_EQ(read->requests, 1 + 500 + 6);
  EXPECT_LT(took, std::chrono::seconds(30));
  std::printf("100000 members in %lld ms\n",
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
}

}  // namespace
}  // namespace mentorbot
