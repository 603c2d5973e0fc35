// POST /slack/interactions without sockets, driving the real engine: buttons
// in messages, the home tab and modals; forms opened as modals; modal
// submissions refused inline or saved.
#include "adapters/slack/interactions_route.h"

#include "adapters/slack/block_kit_views.h"
#include "tests/adapters/slack_route_test_support.h"
#include "tests/bot/program_fixture.h"
#include "tests/support/fixtures.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

class SlackInteractionsRouteTest : public ProgramTest {
 protected:
  HttpResponse Post(const json& payload) {
    const std::string body = FormEncode({{"payload", payload.dump()}});
    RequestLogFields log;
    HttpResponse response = route_.Handle(
        SignedSlackRequest("/slack/interactions", body, "application/x-www-form-urlencoded", bot.clock()), log);
    last_log_ = log.detail;
    return response;
  }
  // A button press by `who` as recorded in the fixture, with this action.
  json Press(const UserRef& who, const std::string& action_id, const std::string& value,
             const std::string& fixture = "slack_block_actions.json") {
    json payload = json::parse(ReadFixture(fixture));
    payload["user"]["id"] = who.user_id;
    payload["actions"][0]["action_id"] = action_id;
    payload["actions"][0]["value"] = value;
    payload["trigger_id"] = "trigger-" + std::to_string(++presses_);
    return payload;
  }
  json Submission(const UserRef& who, const std::string& form, const json& values, bool from_home = false) {
    json payload = json::parse(ReadFixture("slack_view_submission.json"));
    payload["user"]["id"] = who.user_id;
    payload["trigger_id"] = "submit-" + std::to_string(++presses_);
    payload["view"]["callback_id"] = form;
    payload["view"]["private_metadata"] = EncodeModalContext(ModalContext{"", from_home});
    payload["view"]["state"]["values"] = json::object();
    for (const auto& [name, value] : values.items()) {
      payload["view"]["state"]["values"][name][name] = {{"type", "plain_text_input"}, {"value", value}};
    }
    return payload;
  }
  std::optional<Session> LastHeld() {
    std::optional<Session> held;
    EXPECT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
      held = tx.sessions().LastHeld(tx.pairs().ListOpen().front().id);
    }).ok());
    return held;
  }
  std::string ProposeSession() {
    EXPECT_THAT(bot.Say(mentee, "schedule tomorrow 15:00"), HasSubstr("Proposed"));
    return std::to_string(OpenSession()->id);
  }

  SlackRequestVerifier verifier_{kRouteTestSecret, bot.clock()};
  RecordingSlackViews views_;
  SlackInteractionsRoute route_{verifier_, bot.engine(), views_};
  std::string last_log_;
  int presses_ = 0;
};

TEST_F(SlackInteractionsRouteTest, ConfirmingReplacesTheProposalMessageInTheSameTransaction) {
  const std::string session = ProposeSession();
  const HttpResponse response = Post(Press(mentor, "confirm#0", session));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "") << "Slack only needs the acknowledgement";
  EXPECT_EQ(OpenSession()->state, SessionState::kConfirmed);
  std::vector<OutboundMessage> replacing;
  for (auto& message : Queued()) {
    if (!message.to.replaces.empty()) replacing.push_back(message);
  }
  ASSERT_EQ(replacing.size(), 1u);
  EXPECT_EQ(replacing[0].to.user, mentor);
  EXPECT_EQ(replacing[0].to.conversation_id, "D2MENTOR");
  EXPECT_EQ(replacing[0].to.replaces, "1700000100.000200") << "chat.update of the pressed message";
  EXPECT_EQ(replacing[0].key, "reply:trigger-1");
  EXPECT_THAT(replacing[0].message.PlainText(), HasSubstr("onfirmed"));
}

TEST_F(SlackInteractionsRouteTest, AButtonInAnEphemeralMessageIsAnsweredThroughItsResponseUrl) {
  json payload = Press(mentee, "offlimits#0", "list");
  payload["container"]["is_ephemeral"] = true;
  EXPECT_EQ(Post(payload).status, 200);
  std::vector<std::string> replaced;
  for (const auto& message : Queued()) {
    if (message.key == "reply:trigger-1") replaced.push_back(message.to.replaces);
  }
  EXPECT_EQ(replaced, std::vector<std::string>{"https://hooks.slack.com/actions/T1/1/abc"});
}

TEST_F(SlackInteractionsRouteTest, AButtonInAChannelMessageIsAnsweredInTheDmNotInPlace) {
  json payload = Press(mentee, "offlimits#0", "list");
  payload["container"] = {{"type", "message"}, {"message_ts", "1700000100.000200"}, {"channel_id", "C0SHARED"}, {"is_ephemeral", false}};
  EXPECT_EQ(Post(payload).status, 200);
  for (const auto& message : Queued()) {
    if (message.key != "reply:trigger-1") continue;
    EXPECT_EQ(message.to.conversation_id, "") << "the presser's DM";
    EXPECT_EQ(message.to.replaces, "") << "others in the channel never see a private answer";
  }
}

TEST_F(SlackInteractionsRouteTest, AFormButtonOpensTheFormAsAModalFilledWithWhatWasWritten) {
  bot.Say(mentee, "met");
  bot.Say(mentee, "takeaways Listen more than I talk");
  EXPECT_EQ(Post(Press(mentee, "form:takeaways#3", "", "slack_block_actions_home.json")).status, 200);
  auto calls = views_.calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "open");
  EXPECT_EQ(calls[0].target, "trigger-1");
  EXPECT_EQ(calls[0].view.at("callback_id"), "takeaways");
  EXPECT_EQ(calls[0].view.at("blocks").at(0).at("element").at("initial_value"), "Listen more than I talk");
  EXPECT_TRUE(DecodeModalContext(calls[0].view.at("private_metadata"))->from_home);
}

TEST_F(SlackInteractionsRouteTest, AFormThatCannotBeFilledInOpensAModalSayingWhy) {
  EXPECT_EQ(Post(Press(mentor, "form:takeaways#0", "")).status, 200);
  auto calls = views_.calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_FALSE(calls[0].view.contains("submit")) << "nothing to submit: the mentor writes no takeaways";
  EXPECT_THAT(calls[0].view.dump(), HasSubstr("No takeaways are written"));
}

TEST_F(SlackInteractionsRouteTest, AnEmptySubmissionIsRefusedInlineAndNothingIsStored) {
  bot.Say(mentee, "met");
  const HttpResponse response = Post(Submission(mentee, "takeaways", {{"text", "   "}}));
  EXPECT_EQ(response.status, 200);
  const json answer = json::parse(response.body);
  EXPECT_EQ(answer.at("response_action"), "errors");
  EXPECT_THAT(answer.at("errors").at("text").get<std::string>(), HasSubstr("write something"));
  EXPECT_EQ(LastHeld()->takeaways, "");
}

TEST_F(SlackInteractionsRouteTest, ASubmissionIsStoredBeforeTheModalTurnsIntoTheConfirmation) {
  bot.Say(mentee, "met");
  Queued();
  const HttpResponse response = Post(Submission(mentee, "takeaways", {{"text", "Ask for the unvarnished view"}}, true));
  const json answer = json::parse(response.body);
  EXPECT_EQ(answer.at("response_action"), "update");
  EXPECT_EQ(answer.at("view").at("type"), "modal");
  EXPECT_EQ(LastHeld()->takeaways, "Ask for the unvarnished view");
  EXPECT_FALSE(QueuedTo(mentor).empty()) << "the mentor is told";
  auto calls = views_.calls();
  ASSERT_EQ(calls.size(), 1u) << "submitted from the home tab: it is refreshed";
  EXPECT_EQ(calls[0].method, "publish");
  EXPECT_EQ(calls[0].target, "UMENTEE");
}

TEST_F(SlackInteractionsRouteTest, TheJoinFormEnrolsWithTheProfileOrNamesTheWrongInput) {
  json payload = json::parse(ReadFixture("slack_view_submission.json"));
  payload["user"]["id"] = "UNEWCOMER";
  payload["view"]["state"]["values"]["level"]["level"]["value"] = "banana";
  json answer = json::parse(Post(payload).body);
  EXPECT_EQ(answer.at("response_action"), "errors");
  EXPECT_THAT(answer.at("errors").at("level").get<std::string>(), HasSubstr("level must be a whole number"));
  EXPECT_FALSE(bot.StoredPerson(EngineHarness::SlackUser("UNEWCOMER"))) << "nothing stored";

  payload["view"]["state"]["values"]["level"]["level"]["value"] = "L7";
  payload["trigger_id"] = "second-try";
  answer = json::parse(Post(payload).body);
  EXPECT_EQ(answer.at("response_action"), "update");
  EXPECT_THAT(answer.dump(), HasSubstr("Welcome"));
  auto person = bot.StoredPerson(EngineHarness::SlackUser("UNEWCOMER"));
  ASSERT_TRUE(person);
  EXPECT_EQ(person->role, Role::kMentee);
  EXPECT_EQ(person->profile.department, "Finance");
  EXPECT_EQ(person->profile.level, 7);
  EXPECT_EQ(person->profile.location, "Berlin");
  EXPECT_EQ(person->profile.manager, "slack:T1:U9BOSS") << "the people picker's user id is a person";
}

TEST_F(SlackInteractionsRouteTest, AButtonInTheHomeTabAnswersInAModalAndRefreshesTheTab) {
  json payload = Press(mentee, "met#0", "", "slack_block_actions_home.json");
  EXPECT_EQ(Post(payload).status, 200);
  EXPECT_TRUE(LastHeld());
  auto calls = views_.calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].method, "open");
  EXPECT_THAT(calls[0].view.dump(), HasSubstr("1 of 6"));
  EXPECT_EQ(calls[1].method, "publish");
  EXPECT_EQ(calls[1].view.at("type"), "home");
}

TEST_F(SlackInteractionsRouteTest, AFormButtonInsideAModalPushesTheFormOnTop) {
  json payload = Press(mentee, "form:schedule#0", "", "slack_block_actions_home.json");
  payload["view"]["type"] = "modal";
  EXPECT_EQ(Post(payload).status, 200);
  auto calls = views_.calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "push");
  EXPECT_EQ(calls[0].view.at("callback_id"), "schedule");
}

TEST_F(SlackInteractionsRouteTest, AnUnreadableTimeIsRefusedBesideItsBox) {
  json answer = json::parse(Post(Submission(mentee, "schedule", {{"when", "someday"}})).body);
  EXPECT_EQ(answer.at("response_action"), "errors");
  EXPECT_THAT(answer.at("errors").at("when").get<std::string>(), HasSubstr("couldn't read"));
  EXPECT_FALSE(OpenSession());
}

TEST_F(SlackInteractionsRouteTest, BadRequestsAreRefusedBeforeTheEngine) {
  const std::string body = FormEncode({{"payload", Press(mentee, "met#0", "").dump()}});
  RequestLogFields log;
  HttpRequest unsigned_request{"POST", "/slack/interactions", {{"content-type", "application/x-www-form-urlencoded"}}, body, ""};
  EXPECT_EQ(route_.Handle(unsigned_request, log).status, 401);
  EXPECT_EQ(route_.Handle(SignedSlackRequest("/slack/interactions", body, "application/json", bot.clock()), log).status, 415);
  EXPECT_EQ(route_.Handle(SignedSlackRequest("/slack/interactions", "a=1", "application/x-www-form-urlencoded", bot.clock()), log).status, 400);
  EXPECT_EQ(route_.Handle(SignedSlackRequest("/slack/interactions", "payload=%7B", "application/x-www-form-urlencoded", bot.clock()), log).status, 400);
  EXPECT_FALSE(LastHeld()) << "no refused request reached the engine";
  EXPECT_EQ(Post(json{{"type", "view_closed"}, {"user", {{"id", "U1"}}}, {"team", {{"id", "T1"}}}}).status, 200);
  EXPECT_EQ(last_log_, "ignored view_closed");
}

}  // namespace
}  // namespace mentorbot
