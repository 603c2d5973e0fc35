// Recorded shapes of what Teams posts to /api/messages become the right Events.
#include "adapters/teams/teams_activity.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace mentorbot {
namespace {

TeamsActivity Parsed(const std::string& fixture) {
  auto activity = ParseTeamsActivity(ReadFixture(fixture));
  EXPECT_TRUE(activity.ok()) << activity.status().message();
  return activity.ok() ? *activity : TeamsActivity{};
}

TEST(TeamsActivityTest, APersonalMessageIsACommandFromTheAadUser) {
  const TeamsActivity activity = Parsed("teams_personal_message.json");
  EXPECT_TRUE(activity.personal());
  EXPECT_EQ(activity.From().Key(), "teams:tenant-1:aad-mentee");
  auto event = ToEvent(activity);
  ASSERT_TRUE(event);
  EXPECT_EQ(event->kind, EventKind::kCommand);
  EXPECT_EQ(event->text, "status");
  EXPECT_EQ(event->display_name, "Morgan Mentee");
  EXPECT_EQ(event->from.conversation_id, "a:1personal-mentee");
  EXPECT_EQ(event->from.service_url, "https://smba.trafficmanager.net/emea/");
  EXPECT_EQ(event->event_id, "teams:a:1personal-mentee:1700000000100");
  EXPECT_TRUE(event->redeliverable);
}

TEST(TeamsActivityTest, AFileSentInThePersonalChatCarriesItsDownloadUrl) {
  const TeamsActivity activity = Parsed("teams_personal_file.json");
  EXPECT_EQ(activity.file_name, "roster.csv");
  EXPECT_EQ(activity.file_download_url.rfind("https://contoso.sharepoint.com/personal/ada_contoso_com/_layouts/15/download.aspx", 0), 0u);
  EXPECT_TRUE(Parsed("teams_personal_message.json").file_download_url.empty());
}

TEST(TeamsActivityTest, AChannelMessageLosesTheBotMentionAndNamesPeopleByKey) {
  const TeamsActivity activity = Parsed("teams_channel_message_with_mentions.json");
  EXPECT_FALSE(activity.personal());
  auto event = ToEvent(activity);
  ASSERT_TRUE(event);
  EXPECT_EQ(event->text, "admin pair teams:tenant-1:aad-sam teams:tenant-1:aad-alex");
}

TEST(TeamsActivityTest, ACardSubmitIsAFormSubmissionWithItsInputs) {
  auto event = ToEvent(Parsed("teams_card_submit.json"));
  ASSERT_TRUE(event);
  EXPECT_EQ(event->kind, EventKind::kFormSubmission);
  EXPECT_EQ(event->action_id, "takeaways");
  EXPECT_EQ(event->fields.at("text"), "Listen first; ask what slows the team down.");
}

TEST(TeamsActivityTest, AnExecuteInvokeIsAButtonAction) {
  auto event = ToEvent(Parsed("teams_invoke_execute.json"));
  ASSERT_TRUE(event);
  EXPECT_EQ(event->kind, EventKind::kAction);
  EXPECT_EQ(event->action_id, "confirm");
  EXPECT_EQ(event->action_value, "1");
  EXPECT_EQ(event->from.user.Key(), "teams:tenant-1:aad-mentor");
}

TEST(TeamsActivityTest, InstallingInAPersonalChatIsOneInstallEventWhicheverActivityComes) {
  auto update = ToEvent(Parsed("teams_conversation_update.json"));
  auto installation = ToEvent(Parsed("teams_installation_update.json"));
  ASSERT_TRUE(update);
  ASSERT_TRUE(installation);
  EXPECT_EQ(update->kind, EventKind::kInstall);
  EXPECT_EQ(installation->kind, EventKind::kInstall);
  EXPECT_EQ(update->event_id, installation->event_id);  // so only one welcome is sent
}

TEST(TeamsActivityTest, IgnoresWhatIsNotForTheBot) {
  auto activity = Parsed("teams_conversation_update.json");
  activity.members_added = {"29:someone-else"};
  EXPECT_FALSE(ToEvent(activity));
  activity = Parsed("teams_installation_update.json");
  activity.action = "remove";
  EXPECT_FALSE(ToEvent(activity));
  activity = Parsed("teams_personal_message.json");
  activity.type = "typing";
  EXPECT_FALSE(ToEvent(activity));
  activity = Parsed("teams_card_submit.json");
  activity.value = {{"someone", "else's card"}};
  EXPECT_FALSE(ToEvent(activity));
}

// An invoke whose "action" is not an object threw out of ToEvent (found while
// writing fuzz/teams_activity_fuzzer; input fuzz/corpus/teams_activity/crash-invoke-action-string).
TEST(TeamsActivityTest, AnInvokeWhoseActionIsNotAnObjectIsIgnored) {
  for (const nlohmann::json& action : {nlohmann::json("x"), nlohmann::json(1), nlohmann::json::array({1}),
                                       nlohmann::json(nullptr)}) {
    TeamsActivity activity = Parsed("teams_invoke_execute.json");
    activity.value = {{"action", action}};
    EXPECT_FALSE(ToEvent(activity)) << action.dump();
  }
}

TEST(TeamsActivityTest, HtmlFormattedTextBecomesPlainCommandText) {
  auto activity = Parsed("teams_personal_message.json");
  activity.text = "<p>agenda <b>pricing</b> &amp; <i>hiring</i></p><p>and a &lt;plan&gt;</p>";
  EXPECT_EQ(CommandTextOf(activity), "agenda pricing & hiring\nand a <plan>");
  activity.text = "agenda a < b and c > d";
  EXPECT_EQ(CommandTextOf(activity), "agenda a < b and c > d");
}

TEST(TeamsActivityTest, RejectsActivitiesMissingWhatTheBotNeeds) {
  EXPECT_FALSE(ParseTeamsActivity("not json").ok());
  EXPECT_FALSE(ParseTeamsActivity("[1,2]").ok());
  for (const char* field : {"serviceUrl", "channelId", "id", "type"}) {
    auto body = nlohmann::json::parse(ReadFixture("teams_personal_message.json"));
    body.erase(field);
    auto parsed = ParseTeamsActivity(body.dump());
    ASSERT_FALSE(parsed.ok()) << field;
    EXPECT_NE(parsed.status().message().find(field), std::string::npos) << parsed.status().message();
  }
  auto body = nlohmann::json::parse(ReadFixture("teams_personal_message.json"));
  body["channelData"].erase("tenant");
  body["conversation"].erase("tenantId");
  EXPECT_FALSE(ParseTeamsActivity(body.dump()).ok());
  body = nlohmann::json::parse(ReadFixture("teams_personal_message.json"));
  body["from"] = {{"id", 42}};
  EXPECT_FALSE(ParseTeamsActivity(body.dump()).ok());
}

}  // namespace
}  // namespace mentorbot
