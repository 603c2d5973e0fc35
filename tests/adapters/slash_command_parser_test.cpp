#include "adapters/slack/slash_command_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace mentorbot {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

FormFields Form(const std::vector<std::pair<std::string, std::string>>& fields) {
  FormFields form;
  for (const auto& [name, value] : fields) form.Add(name, value);
  return form;
}

FormFields TypicalForm() {
  return Form({{"token", "ignored"},
               {"team_id", "T1DC2JH3J"},
               {"team_domain", "testteamnow"},
               {"channel_id", "G8PSS9T3V"},
               {"channel_name", "foobar"},
               {"user_id", "U2CERLKJA"},
               {"user_name", "roadrunner"},
               {"command", "/mentor"},
               {"text", "join mentee"},
               {"response_url", "https://hooks.slack.com/commands/T1DC2JH3J/1/x"},
               {"trigger_id", "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"}});
}

FormFields Without(const std::string& name) {
  FormFields form;
  FormFields typical = TypicalForm();
  for (const char* field : {"team_id", "channel_id", "user_id", "user_name", "command", "text", "trigger_id"}) {
    if (field != name) form.Add(field, typical.Get(field));
  }
  return form;
}

TEST(ParseSlashCommandTest, MapsTheFieldsToAnEvent) {
  auto event = ParseSlashCommand(TypicalForm(), "/mentor");
  ASSERT_TRUE(event.ok()) << event.status().message();
  EXPECT_EQ(event->kind, EventKind::kCommand);
  EXPECT_EQ(event->from.user, (UserRef{Platform::kSlack, "T1DC2JH3J", "U2CERLKJA"}));
  EXPECT_EQ(event->from.user.Key(), "slack:T1DC2JH3J:U2CERLKJA");
  EXPECT_EQ(event->from.conversation_id, "G8PSS9T3V");
  EXPECT_EQ(event->display_name, "roadrunner");
  EXPECT_EQ(event->text, "join mentee");
  EXPECT_EQ(event->event_id, "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
}

TEST(ParseSlashCommandTest, TextExcludesTheCommandItself) {
  auto event = ParseSlashCommand(TypicalForm(), "/mentor");
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->text.find("/mentor"), std::string::npos);
}

TEST(ParseSlashCommandTest, EmptyTextIsAllowed) {
  FormFields form = Without("text");
  form.Add("text", "");
  auto event = ParseSlashCommand(form, "/mentor");
  ASSERT_TRUE(event.ok()) << event.status().message();
  EXPECT_EQ(event->text, "");
}

TEST(ParseSlashCommandTest, MissingTextIsAllowed) {
  auto event = ParseSlashCommand(Without("text"), "/mentor");
  ASSERT_TRUE(event.ok()) << event.status().message();
  EXPECT_EQ(event->text, "");
}

TEST(ParseSlashCommandTest, MissingTriggerIdGivesEmptyEventId) {
  auto event = ParseSlashCommand(Without("trigger_id"), "/mentor");
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->event_id, "");
}

TEST(ParseSlashCommandTest, MissingTeamIdIsInvalid) {
  auto event = ParseSlashCommand(Without("team_id"), "/mentor");
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.status().code(), StatusCode::kInvalidArgument);
}

TEST(ParseSlashCommandTest, MissingUserIdIsInvalid) {
  auto event = ParseSlashCommand(Without("user_id"), "/mentor");
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.status().code(), StatusCode::kInvalidArgument);
}

TEST(ParseSlashCommandTest, MissingCommandIsInvalid) {
  auto event = ParseSlashCommand(Without("command"), "/mentor");
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.status().code(), StatusCode::kInvalidArgument);
}

TEST(ParseSlashCommandTest, EmptyTeamIdIsInvalid) {
  FormFields form = Without("team_id");
  form.Add("team_id", "");
  EXPECT_EQ(ParseSlashCommand(form, "/mentor").status().code(), StatusCode::kInvalidArgument);
}

TEST(ParseSlashCommandTest, OtherCommandIsInvalidAndNamesBoth) {
  FormFields form = Without("command");
  form.Add("command", "/webhook-collect");
  auto event = ParseSlashCommand(form, "/mentor");
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(event.status().message().find("/webhook-collect"), std::string::npos) << event.status().message();
  EXPECT_NE(event.status().message().find("/mentor"), std::string::npos) << event.status().message();
}

TEST(ParseSlashCommandTest, CommandMatchIsExact) {
  FormFields form = Without("command");
  form.Add("command", "/mentorx");
  EXPECT_FALSE(ParseSlashCommand(form, "/mentor").ok());
}

TEST(ParseSlashCommandTest, TeamIdWithSeparatorIsInvalid) {
  // "slack:T1:X:U1" must not be accepted as some other identity.
  FormFields form = Without("team_id");
  form.Add("team_id", "T1:X");
  EXPECT_EQ(ParseSlashCommand(form, "/mentor").status().code(), StatusCode::kInvalidArgument);
}

TEST(ParseSlashCommandTest, UserIdWithWhitespaceIsInvalid) {
  FormFields form = Without("user_id");
  form.Add("user_id", "U1 U2");
  EXPECT_EQ(ParseSlashCommand(form, "/mentor").status().code(), StatusCode::kInvalidArgument);
}

TEST(ParseSlashCommandTest, InvalidUtf8InTextIsSanitised) {
  FormFields form = Without("text");
  form.Add("text", "hi \xFF there \xC0\xAF");
  auto event = ParseSlashCommand(form, "/mentor");
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->text, "hi " + kReplacement + " there " + kReplacement + kReplacement);
}

TEST(ParseSlashCommandTest, ValidUtf8InTextIsKept) {
  FormFields form = Without("text");
  form.Add("text", "caf\xC3\xA9 \xF0\x9F\x98\x80");
  auto event = ParseSlashCommand(form, "/mentor");
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->text, "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(ParseSlashCommandTest, InvalidUtf8InUserNameIsSanitised) {
  FormFields form = Without("user_name");
  form.Add("user_name", "ro\xFF");
  auto event = ParseSlashCommand(form, "/mentor");
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->display_name, "ro" + kReplacement);
}

TEST(ParseSlashCommandTest, FirstOfRepeatedFieldsWins) {
  FormFields form = TypicalForm();
  form.Add("user_id", "UINTRUDER");
  auto event = ParseSlashCommand(form, "/mentor");
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->from.user.user_id, "U2CERLKJA");
}

}  // namespace
}  // namespace mentorbot
