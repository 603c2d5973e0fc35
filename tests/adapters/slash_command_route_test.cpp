#include "adapters/slack/slash_command_route.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/common/hmac.h"
#include "tests/support/fake_clock.h"

namespace mentorbot {
namespace {

using nlohmann::json;

const std::string kSecret = "route-test-secret";
const std::string kFormType = "application/x-www-form-urlencoded";
const std::string kBody =
    "token=t&team_id=T1&team_domain=acme&channel_id=C9&channel_name=general&user_id=U7&user_name=ada"
    "&command=%2Fmentor&text=join+mentee+%3C%21channel%3E&trigger_id=111.222.abc";

class RecordingHandler : public EventHandler {
 public:
  Reply Handle(const Event& event) override {
    events.push_back(event);
    Reply reply;
    reply.message.summary = "Welcome, mentee!";
    Section section;
    section.text = RichText("You are ").Bold("in").Text(".");
    reply.message.sections.push_back(section);
    reply.visible_to_conversation = visible;
    return reply;
  }

  std::vector<Event> events;
  bool visible = false;
};

class SlashCommandRouteTest : public ::testing::Test {
 protected:
  std::string Now() const { return std::to_string(clock_.Now().time_since_epoch().count()); }

  HttpRequest Signed(const std::string& body, const std::string& content_type = kFormType) const {
    HttpRequest request;
    request.method = "POST";
    request.path = "/slack/commands";
    const std::string ts = Now();
    request.headers["x-slack-request-timestamp"] = ts;
    request.headers["x-slack-signature"] = "v0=" + HmacSha256Hex(kSecret, "v0:" + ts + ":" + body);
    if (!content_type.empty()) request.headers["content-type"] = content_type;
    request.body = body;
    return request;
  }

  HttpResponse Handle(const HttpRequest& request) { return route_.Handle(request, log_); }

  FakeClock clock_{TestEpoch()};
  SlackRequestVerifier verifier_{kSecret, clock_};
  RecordingHandler handler_;
  SlashCommandRoute route_{verifier_, handler_, "/mentor"};
  RequestLogFields log_;
};

TEST_F(SlashCommandRouteTest, UnsignedRequestIs401AndNotHandled) {
  HttpRequest request;
  request.method = "POST";
  request.headers["content-type"] = kFormType;
  request.body = kBody;
  const HttpResponse response = Handle(request);
  EXPECT_EQ(response.status, 401);
  EXPECT_TRUE(handler_.events.empty());
  EXPECT_NE(log_.detail.find("missing"), std::string::npos) << log_.detail;
  EXPECT_TRUE(log_.workspace.empty());
  EXPECT_TRUE(log_.user.empty());
}

TEST_F(SlashCommandRouteTest, BadlySignedRequestIs401AndNotHandled) {
  HttpRequest request = Signed(kBody);
  request.headers["x-slack-signature"] = "v0=" + HmacSha256Hex("wrong-secret", "v0:" + Now() + ":" + kBody);
  const HttpResponse response = Handle(request);
  EXPECT_EQ(response.status, 401);
  EXPECT_TRUE(handler_.events.empty());
  EXPECT_NE(log_.detail.find("signature"), std::string::npos) << log_.detail;
}

TEST_F(SlashCommandRouteTest, TamperedBodyIs401AndNotHandled) {
  HttpRequest request = Signed(kBody);
  request.body += "&extra=1";
  EXPECT_EQ(Handle(request).status, 401);
  EXPECT_TRUE(handler_.events.empty());
}

TEST_F(SlashCommandRouteTest, StaleRequestIs401AndNotHandled) {
  const HttpRequest request = Signed(kBody);
  clock_.Advance(std::chrono::seconds(301));
  EXPECT_EQ(Handle(request).status, 401);
  EXPECT_TRUE(handler_.events.empty());
  EXPECT_NE(log_.detail.find("window"), std::string::npos) << log_.detail;
}

TEST_F(SlashCommandRouteTest, UnsignedRequestBodyIsNotEchoedOrLogged) {
  HttpRequest request;
  request.headers["content-type"] = kFormType;
  request.body = kBody;
  const HttpResponse response = Handle(request);
  EXPECT_EQ(response.body.find("join"), std::string::npos);
  EXPECT_EQ(log_.detail.find("join"), std::string::npos);
}

TEST_F(SlashCommandRouteTest, UnconfiguredSecretRefusesSignedLookingRequests) {
  SlackRequestVerifier unconfigured("", clock_);
  SlashCommandRoute route(unconfigured, handler_, "/mentor");
  EXPECT_EQ(route.Handle(Signed(kBody), log_).status, 401);
  EXPECT_TRUE(handler_.events.empty());
}

TEST_F(SlashCommandRouteTest, SignedButWrongContentTypeIs415) {
  const HttpResponse response = Handle(Signed(R"({"command":"/mentor"})", "application/json"));
  EXPECT_EQ(response.status, 415);
  EXPECT_TRUE(handler_.events.empty());
  EXPECT_FALSE(log_.detail.empty());
}

TEST_F(SlashCommandRouteTest, SignedWithoutContentTypeIs415) {
  EXPECT_EQ(Handle(Signed(kBody, "")).status, 415);
  EXPECT_TRUE(handler_.events.empty());
}

TEST_F(SlashCommandRouteTest, FormContentTypeWithCharsetIsAccepted) {
  const HttpResponse response = Handle(Signed(kBody, kFormType + "; charset=utf-8"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(handler_.events.size(), 1u);
}

TEST_F(SlashCommandRouteTest, SignedMalformedFormIs400) {
  const HttpResponse response = Handle(Signed("a=%zz"));
  EXPECT_EQ(response.status, 400);
  EXPECT_TRUE(handler_.events.empty());
  EXPECT_NE(log_.detail.find("malformed"), std::string::npos) << log_.detail;
}

TEST_F(SlashCommandRouteTest, SignedFormMissingRequiredFieldsIs400) {
  const HttpResponse response = Handle(Signed("team_id=T1&text=hi"));
  EXPECT_EQ(response.status, 400);
  EXPECT_TRUE(handler_.events.empty());
  EXPECT_FALSE(log_.detail.empty());
}

TEST_F(SlashCommandRouteTest, SignedOtherCommandGetsEphemeralExplanation) {
  const HttpResponse response = Handle(Signed("team_id=T1&user_id=U7&command=%2Fother&text=x"));
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(handler_.events.empty());
  EXPECT_NE(response.content_type.find("application/json"), std::string::npos);
  const json body = json::parse(response.body);
  EXPECT_EQ(body.at("response_type"), "ephemeral");
  const std::string text = body.at("text");
  EXPECT_NE(text.find("/mentor"), std::string::npos) << text;
  EXPECT_NE(text.find("/other"), std::string::npos) << text;
  EXPECT_NE(log_.detail.find("/other"), std::string::npos) << log_.detail;
}

TEST_F(SlashCommandRouteTest, SignedValidCommandIsHandled) {
  const HttpResponse response = Handle(Signed(kBody));
  EXPECT_EQ(response.status, 200);
  ASSERT_EQ(handler_.events.size(), 1u);
  const Event& event = handler_.events.front();
  EXPECT_EQ(event.kind, EventKind::kCommand);
  EXPECT_EQ(event.from.user.Key(), "slack:T1:U7");
  EXPECT_EQ(event.from.conversation_id, "C9");
  EXPECT_EQ(event.display_name, "ada");
  EXPECT_EQ(event.text, "join mentee <!channel>");
  EXPECT_EQ(event.event_id, "111.222.abc");
}

TEST_F(SlashCommandRouteTest, SignedValidCommandAnswersWithJsonBlocks) {
  const HttpResponse response = Handle(Signed(kBody));
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type.rfind("application/json", 0), 0u) << response.content_type;
  const json body = json::parse(response.body);
  EXPECT_EQ(body.at("response_type"), "ephemeral");
  EXPECT_EQ(body.at("text"), "Welcome, mentee!");
  ASSERT_TRUE(body.at("blocks").is_array());
  ASSERT_EQ(body.at("blocks").size(), 1u);
  EXPECT_EQ(body.at("blocks").at(0).at("text").at("text"), "You are *in*.");
}

TEST_F(SlashCommandRouteTest, ReplyVisibleToConversationIsInChannel) {
  handler_.visible = true;
  const json body = json::parse(Handle(Signed(kBody)).body);
  EXPECT_EQ(body.at("response_type"), "in_channel");
}

TEST_F(SlashCommandRouteTest, SignedValidCommandFillsTheLogLine) {
  Handle(Signed(kBody));
  EXPECT_EQ(log_.workspace, "T1");
  EXPECT_EQ(log_.user, "U7");
  // Message text never goes to the log.
  EXPECT_EQ(log_.detail.find("join"), std::string::npos);
}

TEST_F(SlashCommandRouteTest, HeaderNamesFromAServerAreLowerCaseAndStillFound) {
  HttpRequest request = Signed(kBody);
  EXPECT_EQ(request.Header("Content-Type"), kFormType);
  EXPECT_EQ(Handle(request).status, 200);
}

TEST(SlashCommandResponseBodyTest, ReplyWithInvalidUtf8StillGivesValidJson) {
  Reply reply;
  reply.message.summary = "bad \xFF byte";
  reply.message.sections.push_back(Section{RichText("also \xC0 bad"), {}, {}});
  const std::string body = SlashCommandResponseBody(reply);
  json parsed;
  ASSERT_NO_THROW(parsed = json::parse(body));
  EXPECT_EQ(parsed.at("response_type"), "ephemeral");
}

}  // namespace
}  // namespace mentorbot
