// POST /api/messages without sockets: local development mode's limits, where
// replies are queued, which conversation references are remembered.
#include "adapters/teams/messages_route.h"

#include <gtest/gtest.h>

#include "adapters/teams/member_directory.h"

#include "tests/support/engine_harness.h"
#include "tests/support/fixtures.h"

namespace mentorbot {
namespace {

using nlohmann::json;

class TeamsMessagesRouteTest : public ::testing::Test {
 protected:
  HttpResponse Post(const json& activity, const std::string& peer = "127.0.0.1") {
    HttpRequest request{"POST", "/api/messages", {{"content-type", "application/json"}}, activity.dump(), peer};
    RequestLogFields log;
    HttpResponse response = route_.Handle(request, log);
    last_log_ = log.detail;
    return response;
  }
  json Loopback(const std::string& fixture) {
    json activity = json::parse(ReadFixture(fixture));
    activity["serviceUrl"] = "http://127.0.0.1:3979/";
    return activity;
  }
  std::vector<OutboundMessage> Queued() {
    std::vector<OutboundMessage> queued;
    EXPECT_TRUE(harness_.store().Run(Store::Access::kWrite, [&](StoreTransaction& t) {
      queued = t.outbox().ClaimDue(harness_.clock().Now(), 100, std::chrono::seconds(1), DeliveryFilter{{Platform::kTeams}, {}});
    }).ok());
    return queued;
  }
  std::optional<ConversationReference> Reference(const std::string& aad) {
    std::optional<ConversationReference> found;
    EXPECT_TRUE(harness_.store().Run(Store::Access::kRead, [&](StoreTransaction& t) {
      found = t.conversations().Find(UserRef{Platform::kTeams, "tenant-1", aad});
    }).ok());
    return found;
  }

  EngineHarness harness_;
  ServiceUrlPolicy local_development_{{"https://smba.trafficmanager.net/"}, true};
  TeamsMessagesRoute route_{nullptr, local_development_, harness_.engine(), harness_.store(), harness_.clock()};
  std::string last_log_;
};

TEST_F(TeamsMessagesRouteTest, LocalDevelopmentAcceptsUnsignedLoopbackActivitiesAndQueuesTheReply) {
  EXPECT_EQ(Post(Loopback("teams_personal_message.json")).status, 200);
  auto queued = Queued();
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].to.conversation_id, "a:1personal-mentee");
  EXPECT_EQ(queued[0].to.service_url, "http://127.0.0.1:3979/");
  EXPECT_EQ(queued[0].to.user.Key(), "teams:tenant-1:aad-mentee");
  auto reference = Reference("aad-mentee");
  ASSERT_TRUE(reference);
  EXPECT_EQ(reference->platform_user_id, "29:1mentee");
  EXPECT_EQ(reference->conversation_id, "a:1personal-mentee");
  EXPECT_EQ(reference->bot_id, "28:bot-app-id");
  EXPECT_EQ(reference->time_zone, "Europe/Berlin") << "from the client's clientInfo entity";
  // ... which is the Teams directory's answer for the person's time zone
  // (the connector, asked for emails, allows no service url here).
  HttpClient http(std::chrono::seconds(1));
  const ServiceUrlPolicy no_connector({}, false);
  TeamsMemberDirectory directory(harness_.store(), http, nullptr, no_connector);
  auto profile = directory.Lookup(UserRef{Platform::kTeams, "tenant-1", "aad-mentee"});
  ASSERT_TRUE(profile.ok());
  EXPECT_EQ(profile->time_zone, "Europe/Berlin");
  EXPECT_EQ(directory.Lookup(UserRef{Platform::kTeams, "tenant-1", "aad-nobody"}).status().code(), StatusCode::kNotFound);
}

TEST_F(TeamsMessagesRouteTest, LocalDevelopmentRefusesOtherPeersAndServiceUrls) {
  EXPECT_EQ(Post(Loopback("teams_personal_message.json"), "10.1.2.3").status, 401);
  EXPECT_EQ(last_log_, "unauthenticated request from a non-loopback peer");
  EXPECT_EQ(Post(json::parse(ReadFixture("teams_personal_message.json"))).status, 403);  // Microsoft's url, unsigned
  json disguised = Loopback("teams_personal_message.json");
  disguised["serviceUrl"] = "http://127.0.0.1@attacker.example/";
  EXPECT_EQ(Post(disguised).status, 403);
  EXPECT_TRUE(Queued().empty());
  EXPECT_FALSE(Reference("aad-mentee"));
}

TEST_F(TeamsMessagesRouteTest, WithoutAnAppIdAndOutsideDevelopmentEverythingIsRefused) {
  ServiceUrlPolicy production({"https://smba.trafficmanager.net/"}, false);
  TeamsMessagesRoute route(nullptr, production, harness_.engine(), harness_.store(), harness_.clock());
  HttpRequest request{"POST", "/api/messages", {{"content-type", "application/json"}},
                      ReadFixture("teams_personal_message.json"), "127.0.0.1"};
  RequestLogFields log;
  EXPECT_EQ(route.Handle(request, log).status, 401);
  EXPECT_EQ(log.detail, "TEAMS_APP_ID is not set");
}

TEST_F(TeamsMessagesRouteTest, AChannelCommandIsAnsweredPrivatelyAndRemembersWhoWasMentioned) {
  EXPECT_EQ(Post(Loopback("teams_channel_message_with_mentions.json")).status, 200);
  auto queued = Queued();
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].to.conversation_id, "") << "the admin's 1:1 chat, not the channel";
  EXPECT_EQ(queued[0].to.user.Key(), "teams:tenant-1:aad-admin");
  auto admin = Reference("aad-admin");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->conversation_id, "") << "a channel is not a 1:1 chat";
  auto sam = Reference("aad-sam");
  ASSERT_TRUE(sam);
  EXPECT_EQ(sam->platform_user_id, "29:1sam");
  EXPECT_EQ(sam->service_url, "http://127.0.0.1:3979/");
}

// Found by reading what fuzz/teams_activity_fuzzer reaches: entity members
// of another type than string used to throw out of the route.
TEST_F(TeamsMessagesRouteTest, EntitiesWithMembersOfTheWrongTypeAreSkipped) {
  json activity = Loopback("teams_personal_message.json");
  activity["entities"] = json::array({{{"type", 7}},
                                      {{"type", "mention"}, {"mentioned", {{"id", 1}, {"aadObjectId", json::array()}}}},
                                      {{"type", "clientInfo"}, {"timezone", 3}}});
  EXPECT_EQ(Post(activity).status, 200);
  EXPECT_EQ(Queued().size(), 1u) << "the message itself is still handled";
  auto reference = Reference("aad-mentee");
  ASSERT_TRUE(reference);
  EXPECT_EQ(reference->time_zone, "");
}

TEST_F(TeamsMessagesRouteTest, AnInvokeIsAnsweredWithACardAndNothingQueued) {
  HttpResponse response = Post(Loopback("teams_invoke_execute.json"));
  ASSERT_EQ(response.status, 200);
  const json body = json::parse(response.body);
  EXPECT_EQ(body["statusCode"], 200);
  EXPECT_EQ(body["value"]["type"], "AdaptiveCard");
  EXPECT_TRUE(Queued().empty());
  // Teams delivering the same press again gets a card, not an empty answer, and nothing runs twice.
  HttpResponse again = Post(Loopback("teams_invoke_execute.json"));
  ASSERT_EQ(again.status, 200);
  EXPECT_NE(again.body.find("already recorded"), std::string::npos);
  EXPECT_EQ(last_log_, "duplicate delivery");
}

TEST_F(TeamsMessagesRouteTest, BadRequestsGetTheRightStatus) {
  HttpRequest request{"POST", "/api/messages", {{"content-type", "text/plain"}}, "hello", "127.0.0.1"};
  RequestLogFields log;
  EXPECT_EQ(route_.Handle(request, log).status, 415);
  request.headers["content-type"] = "application/json; charset=utf-8";
  EXPECT_EQ(route_.Handle(request, log).status, 400);
  request.body = "{\"type\": \"message\"}";
  EXPECT_EQ(route_.Handle(request, log).status, 400);
}

TEST_F(TeamsMessagesRouteTest, ActivitiesTheBotIgnoresAreAcknowledged) {
  json typing = Loopback("teams_personal_message.json");
  typing["type"] = "typing";
  EXPECT_EQ(Post(typing).status, 200);
  EXPECT_EQ(last_log_, "ignored typing");
  EXPECT_TRUE(Queued().empty());
}

// Found by the load bench: the weekly digest for a Teams admin queued before
// anyone of their tenant had spoken to the bot waited out an hour's retry
// after the admin first wrote.
TEST_F(TeamsMessagesRouteTest, MessagesWaitingForAWayToReachTheTenantBecomeDueWhenSomeoneSpeaks) {
  const TimePoint now = harness_.clock().Now();
  const auto put_off = [&](const std::string& key, const Address& to) {
    EXPECT_TRUE(harness_.store().Run(Store::Access::kWrite, [&](StoreTransaction& t) {
      t.outbox().Enqueue(key, to, Message{"digest", {Section{RichText("Weekly digest"), {}, {}}}}, now, now);
      for (const auto& claimed : t.outbox().ClaimDue(now, 10, std::chrono::seconds(60), DeliveryFilter{{Platform::kTeams}, {}})) {
        t.outbox().MarkRetry(claimed.id, now + std::chrono::hours(1), "no service url known for tenant");
      }
    }).ok());
  };
  put_off("digest:admin", Address{UserRef{Platform::kTeams, "tenant-1", "aad-admin"}, "", "", ""});
  put_off("digest:other-tenant", Address{UserRef{Platform::kTeams, "tenant-2", "aad-other"}, "", "", ""});
  put_off("reply:own-conversation",
          Address{UserRef{Platform::kTeams, "tenant-1", "aad-sam"}, "a:1personal-sam", "", "http://127.0.0.1:3979/"});
  int wakes = 0;
  route_.set_outbox_wake([&wakes] { ++wakes; });

  EXPECT_EQ(Post(Loopback("teams_personal_message.json")).status, 200);  // someone of tenant-1 speaks
  std::vector<std::string> due;
  for (const auto& message : Queued()) due.push_back(message.key.substr(0, message.key.find(':')) + ":" + message.to.user.user_id);
  EXPECT_EQ(due, (std::vector<std::string>{"digest:aad-admin", "reply:aad-mentee"}))
      << "the admin's digest now, the other tenant's and a message with its own conversation still put off";
  EXPECT_EQ(wakes, 1);

  json again = Loopback("teams_personal_message.json");
  again["id"] = "1700000000101";
  EXPECT_EQ(Post(again).status, 200);
  EXPECT_EQ(wakes, 1) << "nothing new was learned, so nothing to wake for";
}

}  // namespace
}  // namespace mentorbot
