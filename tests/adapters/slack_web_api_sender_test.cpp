#include "adapters/slack/web_api_sender.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/fake_slack_server.h"
#include "tests/support/loopback_server.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Outcome = DeliveryResult::Outcome;

constexpr const char* kToken = "xoxb-sender-test";

OutboundMessage To(const std::string& user, const std::string& text, const std::string& channel = "") {
  OutboundMessage message;
  message.id = 1;
  message.key = "k";
  message.to.user = UserRef{Platform::kSlack, "T1", user};
  message.to.conversation_id = channel;
  message.message.summary = text;
  message.message.sections.push_back(Section{RichText(text), {}, {Button{"OK", "confirm", "7", Button::Style::kPrimary}}});
  return message;
}

class SlackWebApiSenderTest : public ::testing::Test {
 protected:
  FakeSlackServer slack{kToken};
  HttpClient client{std::chrono::seconds(5)};
  SlackWebApiSender sender{slack.base_url(), kToken, client};
};

TEST_F(SlackWebApiSenderTest, OpensTheDirectMessageOnceAndPostsBlockKit) {
  EXPECT_EQ(sender.Deliver(To("U1", "first")).outcome, Outcome::kDelivered);
  EXPECT_EQ(sender.Deliver(To("U1", "second")).outcome, Outcome::kDelivered);
  EXPECT_EQ(slack.Calls("conversations.open").size(), 1u);
  EXPECT_EQ(slack.Calls("conversations.open")[0].body["users"], "U1");
  auto posted = slack.PostedMessages();
  ASSERT_EQ(posted.size(), 2u);
  EXPECT_EQ(posted[0]["channel"], "DU1");
  EXPECT_EQ(posted[0]["text"], "first");
  EXPECT_EQ(posted[0]["blocks"][1]["elements"][0]["action_id"], "confirm#0");
  for (const auto& call : slack.Calls()) EXPECT_EQ(call.authorization, std::string("Bearer ") + kToken);
}

TEST_F(SlackWebApiSenderTest, AGivenConversationSkipsOpeningADirectMessage) {
  EXPECT_EQ(sender.Deliver(To("U1", "to the channel", "C42")).outcome, Outcome::kDelivered);
  EXPECT_TRUE(slack.Calls("conversations.open").empty());
  EXPECT_EQ(slack.PostedMessages()[0]["channel"], "C42");
}

TEST_F(SlackWebApiSenderTest, AnAnswerToAPressedButtonReplacesThatMessage) {
  ASSERT_EQ(sender.Deliver(To("U1", "Confirm?")).outcome, Outcome::kDelivered);
  const std::string ts = slack.PostedMessages()[0]["ts"];
  OutboundMessage answer = To("U1", "Confirmed.", "DU1");
  answer.to.replaces = ts;
  EXPECT_EQ(sender.Deliver(answer).outcome, Outcome::kDelivered);
  auto updates = slack.Calls("chat.update");
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(updates[0].body["channel"], "DU1");
  EXPECT_EQ(updates[0].body["ts"], ts);
  EXPECT_EQ(updates[0].body["text"], "Confirmed.");
  EXPECT_EQ(updates[0].authorization, std::string("Bearer ") + kToken);
  EXPECT_EQ(slack.PostedMessages().size(), 1u) << "no new message";
}

TEST_F(SlackWebApiSenderTest, AnEphemeralMessageIsReplacedThroughTheResponseUrl) {
  OutboundMessage answer = To("U1", "Done.", "C42");
  answer.to.replaces = slack.response_url("abc");
  EXPECT_EQ(sender.Deliver(answer).outcome, Outcome::kDelivered);
  auto calls = slack.Calls("response_url");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].body["url_path"], "/response/abc");
  EXPECT_EQ(calls[0].body["replace_original"], true);
  EXPECT_EQ(calls[0].body["text"], "Done.");
  EXPECT_EQ(calls[0].authorization, "") << "the token never goes to a response_url";
}

TEST_F(SlackWebApiSenderTest, AResponseUrlOutsideSlackIsNeverCalledAndTheAnswerGoesToTheDm) {
  OutboundMessage answer = To("U1", "Done.", "C42");
  answer.to.replaces = "http://127.0.0.2:1/steal";
  EXPECT_EQ(sender.Deliver(answer).outcome, Outcome::kDelivered);
  EXPECT_TRUE(slack.Calls("response_url").empty());
  auto posted = slack.PostedMessages();
  ASSERT_EQ(posted.size(), 1u);
  EXPECT_EQ(posted[0]["channel"], "DU1") << "said in the DM, never in the channel";
}

TEST_F(SlackWebApiSenderTest, AMessageThatCannotBeReplacedAnymoreIsAnsweredInTheDm) {
  OutboundMessage answer = To("U1", "Confirmed.", "DU1");
  answer.to.replaces = "1.000";  // never posted: message_not_found
  EXPECT_EQ(sender.Deliver(answer).outcome, Outcome::kDelivered);
  EXPECT_EQ(slack.Calls("chat.update").size(), 1u);
  ASSERT_EQ(slack.PostedMessages().size(), 1u);
  EXPECT_EQ(slack.PostedMessages()[0]["text"], "Confirmed.");
}

TEST_F(SlackWebApiSenderTest, AReplacementIsRetriedWhenSlackIsBusy) {
  OutboundMessage answer = To("U1", "Confirmed.", "DU1");
  answer.to.replaces = "1.000";
  slack.FailNext("chat.update", 1, FakeSlackServer::Fault{503, "", -1});
  EXPECT_EQ(sender.Deliver(answer).outcome, Outcome::kRetry);
  EXPECT_TRUE(slack.PostedMessages().empty());
}

TEST_F(SlackWebApiSenderTest, RateLimitIsRetriedAfterSlacksRetryAfter) {
  slack.FailNext("chat.postMessage", 1, FakeSlackServer::Fault{429, "", 7});
  auto result = sender.Deliver(To("U1", "x"));
  EXPECT_EQ(result.outcome, Outcome::kRetry);
  EXPECT_EQ(result.retry_after, std::chrono::seconds(7));
  EXPECT_EQ(sender.Deliver(To("U1", "x")).outcome, Outcome::kDelivered);
}

TEST_F(SlackWebApiSenderTest, ServerErrorsAndSlacksOwnTroubleAreTransient) {
  slack.FailNext("chat.postMessage", 1, FakeSlackServer::Fault{500, "", -1});
  EXPECT_EQ(sender.Deliver(To("U1", "x")).outcome, Outcome::kRetry);
  for (const char* error : {"ratelimited", "internal_error", "fatal_error", "service_unavailable"}) {
    slack.FailNext("chat.postMessage", 1, FakeSlackServer::Fault{200, error, -1});
    auto result = sender.Deliver(To("U1", "x"));
    EXPECT_EQ(result.outcome, Outcome::kRetry) << error;
    EXPECT_EQ(result.retry_after, std::chrono::seconds(0)) << error;
  }
}

TEST_F(SlackWebApiSenderTest, PermanentErrorsAreNamedAndNotRetried) {
  for (const char* error : {"user_not_found", "account_inactive", "not_authed", "channel_not_found_x", "invalid_blocks"}) {
    slack.FailNext("conversations.open", 1, FakeSlackServer::Fault{200, error, -1});
    auto result = sender.Deliver(To(std::string("UNEW") + error, "x"));
    EXPECT_EQ(result.outcome, Outcome::kPermanentFailure) << error;
    EXPECT_THAT(result.error, HasSubstr(error));
  }
}

TEST_F(SlackWebApiSenderTest, AWrongTokenIsPermanentAndNeverInTheError) {
  SlackWebApiSender wrong(slack.base_url(), "xoxb-wrong-token", client);
  auto result = wrong.Deliver(To("U1", "x"));
  EXPECT_EQ(result.outcome, Outcome::kPermanentFailure);
  EXPECT_THAT(result.error, HasSubstr("invalid_auth"));
  EXPECT_THAT(result.error, Not(HasSubstr("xoxb")));
}

TEST_F(SlackWebApiSenderTest, DownOrUnreachableSlackIsTransient) {
  slack.SetDown(true);
  EXPECT_EQ(sender.Deliver(To("U1", "x")).outcome, Outcome::kRetry);
  slack.SetDown(false);
  SlackWebApiSender unreachable("http://127.0.0.1:9/api", kToken, client);
  auto result = unreachable.Deliver(To("U1", "x"));
  EXPECT_EQ(result.outcome, Outcome::kRetry);
  EXPECT_THAT(result.error, Not(HasSubstr(kToken)));
}

TEST_F(SlackWebApiSenderTest, NoTokenOrNotASlackUserFailsWithoutAnyCall) {
  SlackWebApiSender no_token(slack.base_url(), "", client);
  EXPECT_EQ(no_token.Deliver(To("U1", "x")).outcome, Outcome::kPermanentFailure);
  OutboundMessage teams = To("U1", "x");
  teams.to.user.platform = Platform::kTeams;
  EXPECT_EQ(sender.Deliver(teams).outcome, Outcome::kPermanentFailure);
  EXPECT_TRUE(slack.Calls().empty());
}

TEST_F(SlackWebApiSenderTest, EveryMessageCarriesItsKeyAndAnUncertainRetryIsNotPostedTwice) {
  OutboundMessage message = To("U1", "kickoff");
  message.key = "pair:1:kickoff:mentor";
  ASSERT_EQ(sender.Deliver(message).outcome, Outcome::kDelivered);
  EXPECT_EQ(slack.PostedMessages()[0]["metadata"]["event_payload"]["key"], "pair:1:kickoff:mentor");
  message.outcome_unknown = true;  // as if the process had died before recording the first delivery
  EXPECT_EQ(sender.Deliver(message).outcome, Outcome::kDelivered);
  EXPECT_EQ(slack.PostedMessages().size(), 1u) << "found in the history, not posted again";
  OutboundMessage other = To("U1", "another");
  other.key = "pair:1:kickoff:mentee";
  other.outcome_unknown = true;  // never actually reached Slack
  EXPECT_EQ(sender.Deliver(other).outcome, Outcome::kDelivered);
  EXPECT_EQ(slack.PostedMessages().size(), 2u);
  EXPECT_EQ(slack.Calls("conversations.history").size(), 2u);
}

TEST(HttpClientTest, SplitsUrlsAndRefusesOtherSchemes) {
  EXPECT_EQ(SplitUrl("https://slack.com/api/chat.postMessage")->first, "https://slack.com");
  EXPECT_EQ(SplitUrl("https://slack.com/api/chat.postMessage")->second, "/api/chat.postMessage");
  EXPECT_EQ(SplitUrl("http://127.0.0.1:8080")->second, "/");
  EXPECT_FALSE(SplitUrl("ftp://x/y"));
  EXPECT_FALSE(SplitUrl("https:///path"));
  HttpClient client(std::chrono::seconds(1));
  EXPECT_EQ(client.Post("file:///etc/passwd", {}, "", "text/plain").status().code(), StatusCode::kInvalidArgument);
}

TEST(SlackWebApiSenderOddAnswersTest, MembersOfTheWrongTypeNeverThrow) {
  httplib::Server server;
  server.Post("/api/conversations.open", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"ok":true,"channel":{"id":"DU1"}})", "application/json");
  });
  server.Post("/api/chat.postMessage", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"ok":false,"error":5})", "application/json");
  });
  server.Post("/api/conversations.history", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"ok":true,"messages":[{"metadata":{"event_type":7,"event_payload":{"key":[]}}}]})",
                         "application/json");
  });
  std::thread thread;
  const int port = StartOnLoopback(server, thread, "odd Slack");
  DeliveryResult refused, checked;
  {
    HttpClient client(std::chrono::seconds(5));  // closed before the server stops: no keep-alive wait
    SlackWebApiSender sender("http://127.0.0.1:" + std::to_string(port) + "/api", kToken, client);
    refused = sender.Deliver(To("U1", "hello"));
    OutboundMessage uncertain = To("U1", "again");
    uncertain.outcome_unknown = true;  // asks conversations.history first
    checked = sender.Deliver(uncertain);
  }
  server.stop();
  thread.join();
  EXPECT_EQ(refused.outcome, Outcome::kPermanentFailure);
  EXPECT_EQ(refused.error, "chat.postMessage: unknown_error");
  EXPECT_EQ(checked.outcome, Outcome::kPermanentFailure) << "the odd history found nothing, so it posted again";
}

}  // namespace
}  // namespace mentorbot
