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

TEST(SlackEventParserTest, AUserChangeIsADirectoryUpdateOfThatPerson) {
  auto parsed = ParseSlackEvent(ReadFixture("slack_user_change.json"), "/mentor");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->kind, Kind::kDirectoryUpdate);
  const Event& event = parsed->event;
  EXPECT_EQ(event.kind, EventKind::kDirectoryUpdate);
  EXPECT_EQ(event.event_id, "Ev0USERCHANGE1");
  EXPECT_TRUE(event.redeliverable);
  EXPECT_EQ(event.from.user.Key(), "slack:T1:U2MENTOR");
  EXPECT_EQ(event.from.conversation_id, "") << "nobody spoke anywhere";
  EXPECT_FALSE(event.queue_reply_to.has_value());
  ASSERT_TRUE(event.directory_entry.has_value());
  const DirectoryEntry& entry = *event.directory_entry;
  EXPECT_EQ(entry.id, "U2MENTOR");
  EXPECT_EQ(entry.display_name, "dana");
  EXPECT_EQ(entry.email, "dana.okafor@example.com") << "lower case";
  EXPECT_EQ(entry.time_zone, "America/Chicago");
  EXPECT_EQ(entry.job_title, "VP Engineering");
  EXPECT_EQ(entry.active, true);
  EXPECT_FALSE(entry.department.has_value()) << "Slack has no department";
  EXPECT_FALSE(entry.location.has_value());
  EXPECT_FALSE(entry.manager_id.has_value()) << "custom fields are read by the directory sync";
  EXPECT_FALSE(entry.bot);

  json deactivated = json::parse(ReadFixture("slack_user_change.json"));
  deactivated["event"]["user"]["deleted"] = true;
  EXPECT_EQ(ParseSlackEvent(deactivated.dump(), "/mentor")->event.directory_entry->active, false);
}

TEST(SlackEventParserTest, ATeamJoinIsADirectoryUpdateNamedByRealNameWithoutADisplayName) {
  auto parsed = ParseSlackEvent(ReadFixture("slack_team_join.json"), "/mentor");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->kind, Kind::kDirectoryUpdate);
  EXPECT_EQ(parsed->event.event_id, "Ev0TEAMJOIN1");
  EXPECT_EQ(parsed->event.from.user.Key(), "slack:T1:U9NEW");
  const DirectoryEntry& entry = *parsed->event.directory_entry;
  EXPECT_EQ(entry.display_name, "Sam Lee");
  EXPECT_EQ(entry.job_title, "") << "Slack saying: no title";
  EXPECT_EQ(entry.time_zone, "Europe/Berlin");
}

TEST(SlackEventParserTest, ABotsProfileChangeIsIgnored) {
  json body = json::parse(ReadFixture("slack_user_change.json"));
  body["event"]["user"]["is_bot"] = true;
  EXPECT_EQ(ParseSlackEvent(body.dump(), "/mentor")->kind, Kind::kIgnored);
  body = json::parse(ReadFixture("slack_user_change.json"));
  body["event"]["user"]["id"] = "USLACKBOT";
  EXPECT_EQ(ParseSlackEvent(body.dump(), "/mentor")->kind, Kind::kIgnored) << "the Slackbot";
}

TEST(SlackEventParserTest, AnUnreadableUserInADirectoryEventIsRefusedWithoutAThrow) {
  const json fixture = json::parse(ReadFixture("slack_user_change.json"));
  std::vector<json> bodies;
  for (const json& user : {json("U2MENTOR"), json(nullptr), json::array(), json{{"name", "no id"}}, json{{"id", "a b"}}}) {
    bodies.push_back(fixture);
    bodies.back()["event"]["user"] = user;
  }
  for (const char* member : {"deleted", "is_bot", "tz", "profile"}) {
    bodies.push_back(fixture);
    bodies.back()["event"]["user"][member] = json::array({1});
  }
  bodies.push_back(fixture);
  bodies.back()["event"]["user"]["profile"]["email"] = 42;
  bodies.push_back(fixture);
  bodies.back()["event"]["user"]["profile"]["title"] = false;
  for (const json& body : bodies) EXPECT_FALSE(ParseSlackEvent(body.dump(), "/mentor").ok()) << body["event"]["user"].dump();
  json null_members = fixture;
  null_members["event"]["user"]["tz"] = nullptr;  // null is "not supplied", never an error
  null_members["event"]["user"]["profile"]["email"] = nullptr;
  auto parsed = ParseSlackEvent(null_members.dump(), "/mentor");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_FALSE(parsed->event.directory_entry->time_zone.has_value());
  EXPECT_FALSE(parsed->event.directory_entry->email.has_value());
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
