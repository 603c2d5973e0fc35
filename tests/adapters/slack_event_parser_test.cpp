// Recorded Slack Events API bodies → what the bot acts on.
#include "adapters/slack/event_parser.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/fixtures.h"

namespace mentorbot {
namespace {

using nlohmann::json;
using Kind = SlackEventCallback::Kind;

TEST(SlackEventParserTest, UrlVerificationCarriesTheChallenge) {
  auto parsed = ParseSlackEvent(ReadFixture("slack_url_verification.json"), "/mentor");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->kind, Kind::kUrlVerification);
  EXPECT_EQ(parsed->challenge, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
}

TEST(SlackEventParserTest, ADirectMessageIsACommandWithSlacksEscapingUndone) {
  auto parsed = ParseSlackEvent(ReadFixture("slack_message_im.json"), "/mentor");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->kind, Kind::kDirectMessage);
  EXPECT_EQ(parsed->event.kind, EventKind::kCommand);
  EXPECT_EQ(parsed->event.text, "status & next steps");
  EXPECT_EQ(parsed->event.event_id, "Ev0MESSAGE1");
  EXPECT_TRUE(parsed->event.redeliverable);
  EXPECT_EQ(parsed->event.from.user.Key(), "slack:T1:U1MENTEE");
  EXPECT_EQ(parsed->event.from.conversation_id, "D1MENTEE");
}

TEST(SlackEventParserTest, ASlashCommandTypedInTheDirectMessageIsDropped) {
  json body = json::parse(ReadFixture("slack_message_im.json"));
  body["event"]["text"] = "  /mentor schedule tomorrow 10:00 ";
  EXPECT_EQ(ParseSlackEvent(body.dump(), "/mentor")->event.text, "schedule tomorrow 10:00");
  body["event"]["text"] = "/mentorship";
  EXPECT_EQ(ParseSlackEvent(body.dump(), "/mentor")->event.text, "/mentorship") << "only the whole command";
}

TEST(SlackEventParserTest, AMentionDropsTheBotsOwnMentionAndKeepsOthers) {
  auto parsed = ParseSlackEvent(ReadFixture("slack_app_mention.json"), "/mentor");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->kind, Kind::kMention);
  EXPECT_EQ(parsed->event.text, "admin pair <@U2MENTOR> <@U1MENTEE>");
  EXPECT_EQ(parsed->event.from.user.Key(), "slack:T1:UADMIN");
  EXPECT_EQ(parsed->event.from.conversation_id, "C0ADMINS");
}

TEST(SlackEventParserTest, HomeOpenedAsksForTheHomeView) {
  auto parsed = ParseSlackEvent(ReadFixture("slack_app_home_opened.json"), "/mentor");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->kind, Kind::kHomeOpened);
  EXPECT_EQ(parsed->event.text, "home");
  EXPECT_EQ(parsed->event.event_id, "Ev0HOME1");
  json messages_tab = json::parse(ReadFixture("slack_app_home_opened.json"));
  messages_tab["event"]["tab"] = "messages";
  EXPECT_EQ(ParseSlackEvent(messages_tab.dump(), "/mentor")->kind, Kind::kIgnored);
}

TEST(SlackEventParserTest, ASharedFileIsARosterImportToFetch) {
  auto parsed = ParseSlackEvent(ReadFixture("slack_file_shared.json"), "/mentor");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->kind, Kind::kFileShared);
  EXPECT_EQ(parsed->file_id, "F0ROSTER1");
  EXPECT_EQ(parsed->event.text, "admin roster import");
  EXPECT_EQ(parsed->event.from.user.Key(), "slack:T1:UADMIN");
  EXPECT_EQ(parsed->event.from.conversation_id, "D1ADMIN");
  EXPECT_EQ(parsed->event.event_id, "Ev0FILE1");

  json by_bot = json::parse(ReadFixture("slack_file_shared.json"));
  by_bot["event"]["user_id"] = "UBOT";
  EXPECT_EQ(ParseSlackEvent(by_bot.dump(), "/mentor")->kind, Kind::kIgnored) << "the bot's own uploads";
  json without_file = json::parse(ReadFixture("slack_file_shared.json"));
  without_file["event"].erase("file_id");
  EXPECT_FALSE(ParseSlackEvent(without_file.dump(), "/mentor").ok());
}

TEST(SlackEventParserTest, BotsEditsAndChannelMessagesAreIgnored) {
  EXPECT_EQ(ParseSlackEvent(ReadFixture("slack_message_from_bot.json"), "/mentor")->kind, Kind::kIgnored);
  json body = json::parse(ReadFixture("slack_message_im.json"));
  body["event"]["user"] = "UBOT";
  EXPECT_EQ(ParseSlackEvent(body.dump(), "/mentor")->kind, Kind::kIgnored) << "the bot's own message";
  body = json::parse(ReadFixture("slack_message_im.json"));
  body["event"]["subtype"] = "message_changed";
  EXPECT_EQ(ParseSlackEvent(body.dump(), "/mentor")->kind, Kind::kIgnored);
  body = json::parse(ReadFixture("slack_message_im.json"));
  body["event"]["channel_type"] = "channel";
  EXPECT_EQ(ParseSlackEvent(body.dump(), "/mentor")->kind, Kind::kIgnored);
  body["event"]["type"] = "reaction_added";
  EXPECT_EQ(ParseSlackEvent(body.dump(), "/mentor")->kind, Kind::kIgnored);
}

// An is_bot that is not a boolean threw out of ParseSlackEvent (found while
// writing fuzz/slack_event_fuzzer; input fuzz/corpus/slack_event/crash-is-bot-string).
TEST(SlackEventParserTest, AnAuthorizationWhoseIsBotIsNotABooleanNamesNoBot) {
  for (const json& is_bot : {json("yes"), json(1), json(nullptr), json::object()}) {
    json body = json::parse(ReadFixture("slack_message_im.json"));
    body["authorizations"] = json::array({{{"user_id", "U1MENTEE"}, {"is_bot", is_bot}}});
    auto parsed = ParseSlackEvent(body.dump(), "/mentor");
    ASSERT_TRUE(parsed.ok()) << is_bot.dump();
    EXPECT_EQ(parsed->kind, Kind::kDirectMessage) << is_bot.dump();
  }
}

TEST(SlackEventParserTest, MalformedBodiesAreRefused) {
  for (const std::string body :
       {"", "[1]", "{", R"({"type":"url_verification"})", R"({"challenge":"x"})",
        R"({"type":"event_callback","team_id":"T1","event":{"type":"message"}})",
        R"({"type":"event_callback","event_id":"Ev1","event":{"type":"app_home_opened","tab":"home","user":"U1"}})",
        R"({"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"type":"app_home_opened","tab":"home","user":"a b"}})"}) {
    EXPECT_FALSE(ParseSlackEvent(body, "/mentor").ok()) << body;
  }
}

}  // namespace
}  // namespace mentorbot
