// POST /slack/events without sockets, driving the real engine: the URL
// handshake, commands in the DM and by mention, retries handled once, the
// App Home tab published on opening.
#include "adapters/slack/events_route.h"

#include "tests/adapters/slack_route_test_support.h"
#include "tests/bot/program_fixture.h"
#include "tests/support/fixtures.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

class SlackEventsRouteTest : public ProgramTest {
 protected:
  HttpResponse Post(const json& body, const std::map<std::string, std::string>& headers = {}) {
    HttpRequest request = SignedSlackRequest("/slack/events", body.dump(), "application/json", bot.clock());
    for (const auto& [name, value] : headers) request.headers[name] = value;
    RequestLogFields log;
    HttpResponse response = route_.Handle(request, log);
    last_log_ = log.detail;
    return response;
  }
  json Event(const std::string& fixture, const UserRef& who, const std::string& text, const std::string& event_id) {
    json body = json::parse(ReadFixture(fixture));
    body["event"]["user"] = who.user_id;
    if (!text.empty()) body["event"]["text"] = text;
    body["event_id"] = event_id;
    return body;
  }
  std::vector<OutboundMessage> Replies() {
    std::vector<OutboundMessage> replies;
    for (auto& message : Queued()) {
      if (message.key.rfind("reply:", 0) == 0) replies.push_back(std::move(message));
    }
    return replies;
  }

  SlackRequestVerifier verifier_{kRouteTestSecret, bot.clock()};
  RecordingSlackViews views_;
  HttpClient files_client_{std::chrono::seconds(1)};
  SlackFileFetcher files_{"http://127.0.0.1:9", "", files_client_, bot.engine()};  // no token: files are ignored
  SlackEventsRoute route_{verifier_, bot.engine(), views_, files_, "/mentor"};
  std::string last_log_;
};

TEST_F(SlackEventsRouteTest, TheUrlHandshakeIsAnsweredWithItsChallenge) {
  const HttpResponse response = Post(json::parse(ReadFixture("slack_url_verification.json")));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(json::parse(response.body).at("challenge"), "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
}

TEST_F(SlackEventsRouteTest, ACommandInTheDirectMessageIsAnsweredInThatConversation) {
  EXPECT_EQ(Post(Event("slack_message_im.json", mentee, "status", "Ev1")).status, 200);
  auto replies = Replies();
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].key, "reply:Ev1");
  EXPECT_EQ(replies[0].to.user, mentee);
  EXPECT_EQ(replies[0].to.conversation_id, "D1MENTEE");
  EXPECT_THAT(replies[0].message.PlainText(), HasSubstr("enrolled as a mentee"));
}

TEST_F(SlackEventsRouteTest, ARetriedOrRepeatedEventIsHandledOnce) {
  EXPECT_EQ(Post(Event("slack_message_im.json", mentee, "agenda Hiring", "Ev2")).status, 200);
  EXPECT_EQ(Post(Event("slack_message_im.json", mentee, "agenda Hiring", "Ev2"),
                 {{"x-slack-retry-num", "1"}, {"x-slack-retry-reason", "http_timeout"}}).status, 200);
  EXPECT_THAT(last_log_, HasSubstr("retry 1 (http_timeout)"));
  EXPECT_THAT(last_log_, HasSubstr("duplicate delivery"));
  EXPECT_EQ(Replies().size(), 1u);
  EXPECT_EQ(Post(Event("slack_message_im.json", mentee, "status", "Ev3")).status, 200);
  EXPECT_EQ(Replies().size(), 2u) << "a new event id is a new command";
}

TEST_F(SlackEventsRouteTest, AMentionInAChannelIsAnsweredPrivately) {
  EXPECT_EQ(Post(Event("slack_app_mention.json", admin, "<@UBOT> admin help", "Ev4")).status, 200);
  auto replies = Replies();
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].to.user, admin);
  EXPECT_EQ(replies[0].to.conversation_id, "") << "to the DM, never to the channel";
  EXPECT_THAT(replies[0].message.PlainText(), HasSubstr("Admin commands"));
}

TEST_F(SlackEventsRouteTest, OpeningTheHomeTabPublishesItOncePerEvent) {
  EXPECT_EQ(Post(Event("slack_app_home_opened.json", mentee, "", "Ev5")).status, 200);
  EXPECT_EQ(Post(Event("slack_app_home_opened.json", mentee, "", "Ev5")).status, 200);
  auto calls = views_.calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "publish");
  EXPECT_EQ(calls[0].target, "UMENTEE");
  EXPECT_EQ(calls[0].view.at("type"), "home");
  const std::string home = calls[0].view.dump();
  EXPECT_THAT(home, HasSubstr("0 of 6 sessions held"));
  EXPECT_THAT(home, HasSubstr("Waiting on you"));
  EXPECT_THAT(home, Not(HasSubstr("The program in figures"))) << "figures are for admins";
  EXPECT_TRUE(Replies().empty()) << "the home tab is not a message";

  EXPECT_EQ(Post(Event("slack_app_home_opened.json", admin, "", "Ev6")).status, 200);
  EXPECT_THAT(views_.calls().back().view.dump(), HasSubstr("The program in figures"));
}

TEST_F(SlackEventsRouteTest, ASharedFileIsAcknowledgedAtOnceAndFetchedLater) {
  const HttpResponse response = Post(json::parse(ReadFixture("slack_file_shared.json")));
  EXPECT_EQ(response.status, 200);
  EXPECT_THAT(last_log_, HasSubstr("file_shared F0ROSTER1"));
  EXPECT_TRUE(Replies().empty()) << "nothing is answered before the file is fetched (here: no token, never)";
}

TEST_F(SlackEventsRouteTest, BotMessagesAreIgnoredAndBadRequestsRefused) {
  EXPECT_EQ(Post(json::parse(ReadFixture("slack_message_from_bot.json"))).status, 200);
  EXPECT_THAT(last_log_, HasSubstr("ignored"));
  RequestLogFields log;
  const std::string body = Event("slack_message_im.json", mentee, "leave", "Ev7").dump();
  HttpRequest unsigned_request{"POST", "/slack/events", {{"content-type", "application/json"}}, body, ""};
  EXPECT_EQ(route_.Handle(unsigned_request, log).status, 401);
  EXPECT_EQ(route_.Handle(SignedSlackRequest("/slack/events", body, "text/plain", bot.clock()), log).status, 415);
  EXPECT_EQ(route_.Handle(SignedSlackRequest("/slack/events", "{\"type\":", "application/json", bot.clock()), log).status, 400);
  EXPECT_TRUE(Replies().empty());
  EXPECT_TRUE(bot.StoredPerson(mentee)->active()) << "the unsigned `leave` never ran";
}

}  // namespace
}  // namespace mentorbot
