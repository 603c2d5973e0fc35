// The connector sender against the fake Bot Framework: 1:1 chats found or
// created, the token from the client-credentials grant, and the retry rules.
#include "adapters/teams/connector_sender.h"
#include "adapters/teams/connector_token.h"

#include <gtest/gtest.h>

#include "tests/support/engine_harness.h"
#include "tests/support/fake_bot_framework.h"

namespace mentorbot {
namespace {

constexpr const char* kAppId = "app-1";
constexpr const char* kPassword = "secret-1";
using Outcome = DeliveryResult::Outcome;

class TeamsConnectorSenderTest : public ::testing::Test {
 protected:
  TeamsConnectorSenderTest() : framework_(kAppId, kPassword) {}

  OutboundMessage To(const std::string& aad, const std::string& key = "k1") {
    OutboundMessage message;
    message.key = key;
    message.to.user = UserRef{Platform::kTeams, "tenant-1", aad};
    message.message = Message{"Hello", {Section{RichText("Hello there"), {}, {}}}};
    return message;
  }
  void Remember(const std::string& aad, const std::string& teams_id, const std::string& conversation) {
    ASSERT_TRUE(harness_.store().Run(Store::Access::kWrite, [&](StoreTransaction& t) {
      t.conversations().Save(ConversationReference{UserRef{Platform::kTeams, "tenant-1", aad}, teams_id, conversation,
                                                   framework_.service_url(), "28:app-1", harness_.clock().Now()});
    }).ok());
  }
  std::string StoredConversation(const std::string& aad) {
    std::string conversation;
    EXPECT_TRUE(harness_.store().Run(Store::Access::kRead, [&](StoreTransaction& t) {
      if (auto found = t.conversations().Find(UserRef{Platform::kTeams, "tenant-1", aad})) conversation = found->conversation_id;
    }).ok());
    return conversation;
  }

  EngineHarness harness_;
  FakeBotFramework framework_;
  HttpClient http_{std::chrono::seconds(5)};
  ClientCredentialsTokens tokens_{framework_.token_url(), kAppId, kPassword, kBotFrameworkScope, http_, harness_.clock()};
  ServiceUrlPolicy policy_{{framework_.service_url()}, false};
  ConnectorSender sender_{harness_.store(), http_, &tokens_, policy_, kAppId, harness_.clock()};
};

TEST_F(TeamsConnectorSenderTest, PostsToTheStoredPersonalChatWithTheToken) {
  Remember("aad-1", "29:1", "a:chat-1");
  EXPECT_EQ(sender_.Deliver(To("aad-1")).outcome, Outcome::kDelivered);
  EXPECT_EQ(sender_.Deliver(To("aad-1", "k2")).outcome, Outcome::kDelivered);
  auto activities = framework_.Activities();
  ASSERT_EQ(activities.size(), 2u);
  EXPECT_EQ(activities[0].path, "/teams/v3/conversations/a:chat-1/activities");
  EXPECT_EQ(activities[0].authorization, "Bearer connector-token-1");
  EXPECT_EQ(activities[0].body["attachments"][0]["contentType"], "application/vnd.microsoft.card.adaptive");
  EXPECT_EQ(framework_.token_requests(), 1) << "the token is cached";
}

TEST_F(TeamsConnectorSenderTest, CreatesAPersonalChatForSomeoneWhoNeverWroteToTheBot) {
  Remember("aad-2", "29:2", "");
  EXPECT_EQ(sender_.Deliver(To("aad-2")).outcome, Outcome::kDelivered);
  auto calls = framework_.ConnectorCalls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].path, "/teams/v3/conversations");
  EXPECT_EQ(calls[0].body["members"][0]["id"], "29:2");
  EXPECT_EQ(calls[0].body["tenantId"], "tenant-1");
  EXPECT_EQ(calls[0].body["bot"]["id"], "28:app-1");
  EXPECT_EQ(calls[1].path, "/teams/v3/conversations/a:personal-29:2/activities");
  EXPECT_EQ(StoredConversation("aad-2"), "a:personal-29:2") << "created once, then reused";
}

TEST_F(TeamsConnectorSenderTest, UsesTheTenantsServiceUrlForPeopleKnownOnlyByName) {
  EXPECT_EQ(sender_.Deliver(To("aad-unknown")).outcome, Outcome::kRetry) << "no service url known for the tenant yet";
  Remember("aad-other", "29:other", "a:other");
  EXPECT_EQ(sender_.Deliver(To("aad-unknown")).outcome, Outcome::kDelivered);
  EXPECT_EQ(framework_.ConnectorCalls()[0].body["members"][0]["id"], "aad-unknown");
}

TEST_F(TeamsConnectorSenderTest, FollowsTheConnectorsRetryRules) {
  Remember("aad-1", "29:1", "a:chat-1");
  framework_.FailNext(1, 429, 7);
  DeliveryResult limited = sender_.Deliver(To("aad-1"));
  EXPECT_EQ(limited.outcome, Outcome::kRetry);
  EXPECT_EQ(limited.retry_after, std::chrono::seconds(7));
  framework_.FailNext(1, 503);
  EXPECT_EQ(sender_.Deliver(To("aad-1")).outcome, Outcome::kRetry);
  framework_.FailNext(1, 403);
  EXPECT_EQ(sender_.Deliver(To("aad-1")).outcome, Outcome::kPermanentFailure);
  framework_.FailNext(1, 401);
  EXPECT_EQ(sender_.Deliver(To("aad-1")).outcome, Outcome::kRetry);
  EXPECT_EQ(sender_.Deliver(To("aad-1")).outcome, Outcome::kDelivered);
  EXPECT_EQ(framework_.token_requests(), 2) << "a refused token is replaced";
  framework_.SetDown(true);
  EXPECT_EQ(sender_.Deliver(To("aad-1")).outcome, Outcome::kRetry);
}

TEST_F(TeamsConnectorSenderTest, AVanishedPersonalChatIsCreatedAgain) {
  Remember("aad-1", "29:1", "a:gone");
  framework_.FailNext(1, 404);
  EXPECT_EQ(sender_.Deliver(To("aad-1")).outcome, Outcome::kRetry);
  EXPECT_EQ(StoredConversation("aad-1"), "");
  EXPECT_EQ(sender_.Deliver(To("aad-1")).outcome, Outcome::kDelivered);
  EXPECT_EQ(StoredConversation("aad-1"), "a:personal-29:1");
}

TEST_F(TeamsConnectorSenderTest, NeverSendsTheTokenOutsideTheAllowlist) {
  OutboundMessage message = To("aad-1");
  message.to.conversation_id = "a:chat-1";
  message.to.service_url = "https://attacker.example/";
  DeliveryResult result = sender_.Deliver(message);
  EXPECT_EQ(result.outcome, Outcome::kPermanentFailure);
  EXPECT_TRUE(framework_.ConnectorCalls().empty());
  EXPECT_EQ(framework_.token_requests(), 0);
}

TEST_F(TeamsConnectorSenderTest, RefusedCredentialsArePermanent) {
  ClientCredentialsTokens wrong(framework_.token_url(), kAppId, "not-the-password", kBotFrameworkScope, http_,
                                harness_.clock());
  ConnectorSender sender(harness_.store(), http_, &wrong, policy_, kAppId, harness_.clock());
  Remember("aad-1", "29:1", "a:chat-1");
  EXPECT_EQ(sender.Deliver(To("aad-1")).outcome, Outcome::kPermanentFailure);
}

TEST_F(TeamsConnectorSenderTest, TheTokenIsRenewedShortlyBeforeItExpires) {
  ASSERT_TRUE(tokens_.Get().ok());
  harness_.clock().Advance(std::chrono::seconds(3600 - 301));
  EXPECT_EQ(*tokens_.Get(), "connector-token-1");
  harness_.clock().Advance(std::chrono::seconds(2));
  EXPECT_EQ(*tokens_.Get(), "connector-token-2");
}

}  // namespace
}  // namespace mentorbot
