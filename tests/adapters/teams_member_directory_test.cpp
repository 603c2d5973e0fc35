// The Teams directory: the time zone the client reported, and the email the
// connector's member lookup gives (GET /v3/conversations/{id}/members/{id},
// with the bot's token, only to an allowed service url).
#include "adapters/teams/member_directory.h"
#include "adapters/teams/connector_token.h"

#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/support/fake_bot_framework.h"
#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"

namespace mentorbot {
namespace {

using nlohmann::json;

constexpr const char* kAppId = "app-id";
constexpr const char* kPassword = "app-password";
const UserRef kMentee{Platform::kTeams, "tenant-1", "aad-mentee"};

std::unique_ptr<SqliteStore> OpenStore(const TempDir& dir) {
  auto opened = SqliteStore::Open(dir.File("bot.db"), SqliteStore::Options{2, 200});
  return opened.ok() ? std::move(opened).value() : nullptr;
}

class TeamsMemberDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
      tx.conversations().Save(ConversationReference{kMentee, "29:1mentee", "a:1personal-aad-mentee",
                                                    framework.service_url(), "28:app-id", TestEpoch(), "Asia/Tokyo"});
    }).ok());
  }

  TempDir dir;
  std::unique_ptr<SqliteStore> store = OpenStore(dir);
  FakeClock clock{TestEpoch()};
  FakeBotFramework framework{kAppId, kPassword};
  HttpClient http{std::chrono::seconds(5)};
  ClientCredentialsTokens tokens{framework.token_url(), kAppId, kPassword, kBotFrameworkScope, http, clock};
  ServiceUrlPolicy policy{{framework.service_url()}, false};
  TeamsMemberDirectory directory{*store, http, &tokens, policy};
};

TEST_F(TeamsMemberDirectoryTest, TheEmailComesFromTheConnectorAndTheZoneFromTheClient) {
  framework.SetMember("29:1mentee", {{"id", "29:1mentee"}, {"name", "Morgan"}, {"aadObjectId", "aad-mentee"},
                                     {"email", "Morgan@Contoso.com"}, {"userPrincipalName", "morgan@contoso.onmicrosoft.com"}});
  auto profile = directory.Lookup(kMentee);
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile->time_zone, "Asia/Tokyo");
  EXPECT_EQ(profile->email, "Morgan@Contoso.com") << "ProfileSync checks and lower-cases it";
  const auto calls = framework.ConnectorCalls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].path, "/teams/v3/conversations/a:1personal-aad-mentee/members/29:1mentee");
  EXPECT_EQ(calls[0].authorization, "Bearer connector-token-1");
}

TEST_F(TeamsMemberDirectoryTest, WithoutAnEmailTheSignInNameIsUsed) {
  framework.SetMember("29:1mentee", {{"id", "29:1mentee"}, {"userPrincipalName", "morgan@contoso.com"}});
  EXPECT_EQ(directory.Lookup(kMentee)->email, "morgan@contoso.com");
  framework.SetMember("29:1mentee", {{"id", "29:1mentee"}, {"userPrincipalName", "morgan_fabrikam.com#EXT#@contoso.onmicrosoft.com"}});
  EXPECT_EQ(directory.Lookup(kMentee)->email, "") << "a guest's sign-in name has no mailbox";
}

TEST_F(TeamsMemberDirectoryTest, AnUnknownMemberStillHasTheirZoneAndAnOutageIsRetried) {
  auto unknown = directory.Lookup(kMentee);  // no member set: 404
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(unknown->email, "");
  EXPECT_EQ(unknown->time_zone, "Asia/Tokyo");
  framework.SetDown(true);
  EXPECT_EQ(directory.Lookup(kMentee).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(directory.Lookup(UserRef{Platform::kTeams, "tenant-1", "aad-stranger"}).status().code(),
            StatusCode::kNotFound);
}

TEST_F(TeamsMemberDirectoryTest, NoTokenGoesToAServiceUrlOutsideTheAllowlist) {
  ServiceUrlPolicy elsewhere({"https://smba.trafficmanager.net/"}, false);
  TeamsMemberDirectory strict(*store, http, &tokens, elsewhere);
  framework.SetMember("29:1mentee", {{"email", "morgan@contoso.com"}});
  auto profile = strict.Lookup(kMentee);
  ASSERT_TRUE(profile.ok());
  EXPECT_EQ(profile->email, "");
  EXPECT_TRUE(framework.ConnectorCalls().empty());
}

}  // namespace
}  // namespace mentorbot
