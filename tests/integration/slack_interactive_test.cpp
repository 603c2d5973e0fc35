// The participant side of the program from Slack's buttons, modals, the
// bot's DM and the App Home tab, through the real binary: recorded payload
// shapes posted to /slack/events and /slack/interactions, signed and not;
// the fake Slack Web API records views.open, views.publish, chat.update and
// response_url calls, whose JSON is checked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "adapters/slack/block_kit_views.h"
#include "tests/support/bot_process.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/slack_signing.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

constexpr const char* kSecret = "interactive-signing-secret";
constexpr const char* kToken = "xoxb-interactive-token";
constexpr auto kWait = std::chrono::seconds(10);

class SlackInteractiveTest : public ::testing::Test {
 protected:
  SlackInteractiveTest() : slack(kToken) {
    slack.SetProfile("U1MENTEE", "Europe/Berlin", "Morgan");
    slack.SetProfile("U2MENTOR", "Africa/Lagos", "Riley");
    const json config = {{"server", {{"host", "127.0.0.1"}, {"port", 0}, {"threads", 4}}},
                         {"database", {{"path", dir.File("bot.db")}}},
                         {"slack", {{"api_base_url", slack.base_url()}}},
                         {"scheduler", {{"enabled", false}}},
                         {"program", {{"admins", {"slack:T1:UADMIN"}}, {"default_time_zone", "Europe/Berlin"}}}};
    bot = std::make_unique<BotProcess>(dir, config.dump(),
                                       Environment{{"SLACK_SIGNING_SECRET", kSecret}, {"SLACK_BOT_TOKEN", kToken}});
  }

  SlashCommandResult Event(json body, const std::map<std::string, std::string>& headers = {}) {
    return PostSigned(bot->port(), kSecret, "/slack/events", body.dump(), "application/json", headers);
  }
  SlashCommandResult Interaction(const json& payload) {
    // Slack \u-escapes everything beyond ASCII, then form-encodes.
    return PostSigned(bot->port(), kSecret, "/slack/interactions",
                      FormEncode({{"payload", payload.dump(-1, ' ', /*ensure_ascii=*/true)}}),
                      "application/x-www-form-urlencoded");
  }
  // A DM to the bot from `user`, as Slack's message.im event.
  void DirectMessage(const std::string& user, const std::string& text) {
    json body = json::parse(ReadFixture("slack_message_im.json"));
    body["event"]["user"] = user;
    body["event"]["channel"] = "D" + user;
    body["event"]["text"] = text;
    body["event_id"] = "Ev" + std::to_string(++events_);
    ASSERT_EQ(Event(body).status, 200);
  }
  json HomeOpened(const std::string& user) {
    json body = json::parse(ReadFixture("slack_app_home_opened.json"));
    body["event"]["user"] = user;
    body["event_id"] = "EvHome" + std::to_string(++events_);
    const std::size_t before = slack.Calls("views.publish").size();
    EXPECT_EQ(Event(body).status, 200);
    // Earlier refreshes may still arrive: wait for this user's next one.
    for (std::size_t seen = before + 1; slack.WaitForCalls("views.publish", seen, kWait); ++seen) {
      auto published = slack.Calls("views.publish")[seen - 1].body;
      if (published.at("user_id") == user) return published.at("view");
    }
    ADD_FAILURE() << "no home view published for " << user;
    return json::object();
  }
  json Press(const std::string& user, const std::string& action_id, const std::string& value,
             const std::string& fixture = "slack_block_actions_home.json") {
    json payload = json::parse(ReadFixture(fixture));
    payload["user"]["id"] = user;
    payload["actions"][0]["action_id"] = action_id;
    payload["actions"][0]["value"] = value;
    payload["trigger_id"] = "trigger-" + std::to_string(++events_);
    return payload;
  }
  // Presses the home tab's form button and returns the modal views.open got.
  json OpenFormFromHome(const std::string& user, const std::string& action_id) {
    const std::size_t before = slack.Calls("views.open").size();
    json press = Press(user, action_id, "");
    EXPECT_EQ(Interaction(press).status, 200);
    EXPECT_TRUE(slack.WaitForCalls("views.open", before + 1, kWait));
    auto call = slack.Calls("views.open").back();
    EXPECT_EQ(call.body.at("trigger_id"), press["trigger_id"]) << "the click's own trigger";
    EXPECT_EQ(call.authorization, std::string("Bearer ") + kToken);
    return call.body.at("view");
  }
  // Submits `modal` as `user` with these input values; returns the HTTP answer.
  json Submit(const std::string& user, const json& modal, const json& state) {
    json payload = json::parse(ReadFixture("slack_view_submission.json"));
    payload["user"]["id"] = user;
    payload["trigger_id"] = "submit-" + std::to_string(++events_);
    payload["view"]["callback_id"] = modal.at("callback_id");
    payload["view"]["private_metadata"] = modal.at("private_metadata");
    payload["view"]["state"]["values"] = state;
    auto result = Interaction(payload);
    EXPECT_EQ(result.status, 200) << result.body;
    return json::parse(result.body, nullptr, false);
  }
  // The first message posted to `channel` whose JSON contains `needle`.
  json WaitForPosted(const std::string& channel, const std::string& needle) {
    const auto deadline = std::chrono::steady_clock::now() + kWait;
    while (std::chrono::steady_clock::now() < deadline) {
      for (const auto& posted : slack.PostedMessages()) {
        if (posted.value("channel", "") == channel && posted.dump().find(needle) != std::string::npos) return posted;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "nothing with '" << needle << "' posted to " << channel;
    return json::object();
  }
  int PostedCount(const std::string& channel, const std::string& needle) {
    int count = 0;
    for (const auto& posted : slack.PostedMessages()) {
      if (posted.value("channel", "") == channel && posted.dump().find(needle) != std::string::npos) ++count;
    }
    return count;
  }
  static json Text(const std::string& value) { return {{"type", "plain_text_input"}, {"value", value}}; }

  TempDir dir;
  FakeSlackServer slack;
  std::unique_ptr<BotProcess> bot;
  int events_ = 0;
};

TEST_F(SlackInteractiveTest, TheWholeParticipantSideFromButtonsModalsTheDmAndTheHomeTab) {
  // The Events API handshake, refused unsigned.
  httplib::Client raw("127.0.0.1", bot->port());
  const std::string handshake = ReadFixture("slack_url_verification.json");
  EXPECT_EQ(raw.Post("/slack/events", handshake, "application/json")->status, 401);
  auto verified = Event(json::parse(handshake));
  ASSERT_EQ(verified.status, 200);
  EXPECT_EQ(json::parse(verified.body).at("challenge"), "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");

  // A newcomer opens the home tab, presses Join, fixes a mistake, and joins.
  EXPECT_THAT(HomeOpened("U1MENTEE").dump(), HasSubstr("form:join#0"));
  json join = OpenFormFromHome("U1MENTEE", "form:join#0");
  EXPECT_EQ(join.at("callback_id"), "join");
  EXPECT_THAT(join.dump(), HasSubstr("static_select"));
  EXPECT_THAT(join.dump(), HasSubstr("users_select"));
  json state = {{"role", {{"role", {{"type", "static_select"}, {"selected_option", {{"value", "mentee"}}}}}}},
                {"department", {{"department", Text("Finance")}}},
                {"level", {{"level", Text("very senior")}}},
                {"location", {{"location", Text("Berlin")}}},
                {"manager", {{"manager", {{"type", "users_select"}, {"selected_user", "U9BOSS"}}}}}};
  json answer = Submit("U1MENTEE", join, state);
  EXPECT_EQ(answer.at("response_action"), "errors");
  EXPECT_THAT(answer.at("errors").at("level").get<std::string>(), HasSubstr("whole number"));
  state["level"]["level"] = Text("L7");
  answer = Submit("U1MENTEE", join, state);
  EXPECT_EQ(answer.at("response_action"), "update");
  EXPECT_THAT(answer.dump(), HasSubstr("enrolled as a *mentee*"));
  EXPECT_TRUE(slack.WaitForCalls("views.publish", 2, kWait)) << "the home tab is refreshed after joining";

  // The mentor joins in the bot's DM; a retried delivery is answered once.
  json first = json::parse(ReadFixture("slack_message_im.json"));
  first["event"]["user"] = "U2MENTOR";
  first["event"]["channel"] = "DU2MENTOR";
  first["event"]["text"] = "join mentor";
  first["event_id"] = "EvJoinMentor";
  ASSERT_EQ(Event(first).status, 200);
  ASSERT_EQ(Event(first, {{"X-Slack-Retry-Num", "1"}, {"X-Slack-Retry-Reason", "http_timeout"}}).status, 200);
  for (const std::string line : {"profile set department Engineering", "profile set level 1",
                                 "profile set location Lagos", "profile set manager none"}) {
    DirectMessage("U2MENTOR", line);
  }
  WaitForPosted("DU2MENTOR", "location* is now Lagos");
  EXPECT_EQ(PostedCount("DU2MENTOR", "Welcome to the reverse-mentoring program"), 1) << "the retry did nothing";

  // The admin pairs them by mentioning the bot in a channel: answered in the DM.
  json mention = json::parse(ReadFixture("slack_app_mention.json"));
  ASSERT_EQ(Event(mention).status, 200);
  WaitForPosted("DUADMIN", "Paired");
  WaitForPosted("DU2MENTOR", "<@U1MENTEE>");  // the mentor's kickoff
  EXPECT_EQ(PostedCount("C0ADMINS", ""), 0) << "nothing about a pair is said in the channel";

  // The mentee proposes a time in the DM; the mentor confirms with the button.
  DirectMessage("U1MENTEE", "schedule tomorrow 15:00");
  json proposal = WaitForPosted("DU2MENTOR", "confirm#");
  std::string session_id;
  for (const auto& block : proposal.at("blocks")) {
    if (block.at("type") == "actions") session_id = block.at("elements").at(0).at("value");
  }
  json confirm = Press("U2MENTOR", "confirm#0", session_id, "slack_block_actions.json");
  confirm["container"] = {{"type", "message"}, {"message_ts", proposal.at("ts")}, {"channel_id", "DU2MENTOR"}, {"is_ephemeral", false}};
  ASSERT_EQ(Interaction(confirm).status, 200);
  ASSERT_TRUE(slack.WaitForCalls("chat.update", 1, kWait));
  auto update = slack.Calls("chat.update")[0].body;
  EXPECT_EQ(update.at("channel"), "DU2MENTOR");
  EXPECT_EQ(update.at("ts"), proposal.at("ts"));
  EXPECT_THAT(update.at("text").get<std::string>(), HasSubstr("onfirmed"));
  EXPECT_THAT(update.dump(), Not(HasSubstr("confirm#"))) << "the buttons are gone: no second press";

  // A button in an ephemeral slash-command answer is answered through its response_url.
  auto rules = PostSlashCommand(bot->port(), kSecret, "T1", "U1MENTEE", "rules");
  ASSERT_EQ(rules.status, 200);
  ASSERT_THAT(rules.body, HasSubstr("rules#0"));
  json accept = Press("U1MENTEE", "rules#0", "accept", "slack_block_actions.json");
  accept["container"] = {{"type", "message"}, {"message_ts", "1700000900.000100"}, {"channel_id", "DU1MENTEE"}, {"is_ephemeral", true}};
  accept["response_url"] = slack.response_url("rules-1");
  ASSERT_EQ(Interaction(accept).status, 200);
  ASSERT_TRUE(slack.WaitForCalls("response_url", 1, kWait));
  auto replaced = slack.Calls("response_url")[0].body;
  EXPECT_EQ(replaced.at("replace_original"), true);
  EXPECT_EQ(replaced.at("url_path"), "/response/rules-1");

  // The agenda through the home tab's form: refused empty, then saved.
  json home = HomeOpened("U1MENTEE");
  EXPECT_THAT(home.dump(), HasSubstr("form:agenda#"));
  json agenda = OpenFormFromHome("U1MENTEE", "form:agenda#0");
  EXPECT_EQ(agenda.at("callback_id"), "agenda");
  answer = Submit("U1MENTEE", agenda, {{"text", {{"text", Text("")}}}});
  EXPECT_EQ(answer.at("response_action"), "errors");
  answer = Submit("U1MENTEE", agenda, {{"text", {{"text", Text("How we hire & who we miss")}}}});
  EXPECT_EQ(answer.at("response_action"), "update");
  WaitForPosted("DU2MENTOR", "How we hire &amp; who we miss");

  const json participant_home = HomeOpened("U1MENTEE");
  EXPECT_THAT(participant_home.dump(), HasSubstr("agenda set"));
  EXPECT_THAT(participant_home.dump(), HasSubstr("0 of 6 sessions held"));
  const json admin_home = HomeOpened("UADMIN");
  EXPECT_THAT(admin_home.dump(), HasSubstr("The program in figures"));
  EXPECT_THAT(admin_home.dump(), Not(HasSubstr("How we hire"))) << "figures only";
  std::cout << "participant home view:\n" << participant_home.dump(2) << "\nadmin home view:\n" << admin_home.dump(2) << "\n";

  // Takeaways at the longest a Slack text input takes, in emoji: a ~50 KB
  // form-encoded body, accepted (Debian's cpp-httplib alone refuses
  // form-encoded bodies over 8 KiB with 413).
  DirectMessage("U1MENTEE", "met");
  WaitForPosted("DU1MENTEE", "1 of 6 sessions held");
  json takeaways = OpenFormFromHome("U1MENTEE", "form:takeaways#1");
  EXPECT_EQ(takeaways.at("callback_id"), "takeaways");
  std::string long_text;
  for (int i = 0; i < 3000; ++i) long_text += "\xF0\x9F\x98\x80";
  answer = Submit("U1MENTEE", takeaways, {{"text", {{"text", Text(long_text)}}}});
  EXPECT_EQ(answer.at("response_action"), "update");
  EXPECT_THAT(PostSlashCommand(bot->port(), kSecret, "T1", "U1MENTEE", "takeaways").body, HasSubstr("\xF0\x9F\x98\x80"));

  EXPECT_THAT(bot->Log(), Not(HasSubstr(kToken)));
  EXPECT_THAT(bot->Log(), HasSubstr("retry 1 (http_timeout) duplicate delivery"));
}

TEST_F(SlackInteractiveTest, UnsignedOrMalformedInteractionsAreRefusedAndNothingRuns) {
  const std::string body = FormEncode({{"payload", ReadFixture("slack_view_submission.json")}});
  httplib::Client raw("127.0.0.1", bot->port());
  EXPECT_EQ(raw.Post("/slack/interactions", body, "application/x-www-form-urlencoded")->status, 401);
  EXPECT_EQ(PostSigned(bot->port(), kSecret, "/slack/interactions", body, "application/json").status, 415);
  EXPECT_EQ(PostSigned(bot->port(), kSecret, "/slack/interactions", "payload=%7B%7D", "application/x-www-form-urlencoded").status, 400);
  EXPECT_EQ(PostSigned(bot->port(), kSecret, "/slack/events", "{\"type\":\"event_callback\"}", "application/json").status, 400);
  auto status = PostSlashCommand(bot->port(), kSecret, "T1", "U1MENTEE", "status");
  EXPECT_THAT(status.body, HasSubstr("not enrolled")) << "the unsigned join form never ran";
  EXPECT_TRUE(slack.Calls("views.open").empty());
}

}  // namespace
}  // namespace mentorbot
