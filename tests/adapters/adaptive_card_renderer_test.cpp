#include "adapters/teams/adaptive_card_renderer.h"

#include <gtest/gtest.h>

#include "adapters/common/utf8.h"
#include "bot/engine/program/forms.h"

namespace mentorbot {
namespace {

using nlohmann::json;

json FindAll(const json& card, const std::string& type) {
  json found = json::array();
  for (const auto& block : card["body"]) {
    if (block["type"] == type) found.push_back(block);
  }
  return found;
}

TEST(AdaptiveCardRendererTest, AMessageBecomesAVersion15CardWithSummaryAndFallback) {
  Message message{"New agenda", {Section{RichText("Morgan set the ").Bold("agenda").Text(":"),
                                         {Field{"When", RichText("Wed")}}, {}}}};
  const json activity = RenderMessageActivity(message);
  EXPECT_EQ(activity["type"], "message");
  EXPECT_EQ(activity["summary"], "New agenda");
  ASSERT_EQ(activity["attachments"].size(), 1u);
  EXPECT_EQ(activity["attachments"][0]["contentType"], "application/vnd.microsoft.card.adaptive");
  const json& card = activity["attachments"][0]["content"];
  EXPECT_EQ(card["type"], "AdaptiveCard");
  EXPECT_EQ(card["version"], "1.5");
  EXPECT_EQ(card["fallbackText"], message.PlainText());
  EXPECT_EQ(card["body"][0]["text"], "Morgan set the **agenda**:");
  EXPECT_EQ(card["body"][1]["type"], "FactSet");
  EXPECT_EQ(card["body"][1]["facts"][0]["title"], "When");
}

TEST(AdaptiveCardRendererTest, ButtonsBecomeExecuteActionsCarryingTheirCommand) {
  Message message{"Proposed", {Section{RichText("Confirm?"), {},
                                       {Button{"Confirm", "confirm", "12", Button::Style::kPrimary},
                                        Button{"Decline", "decline", "12", Button::Style::kDanger}}}}};
  const json card = RenderAdaptiveCard(message);
  const json sets = FindAll(card, "ActionSet");
  ASSERT_EQ(sets.size(), 1u);
  const json& confirm = sets[0]["actions"][0];
  EXPECT_EQ(confirm["type"], "Action.Execute");
  EXPECT_EQ(confirm["verb"], "confirm");
  EXPECT_EQ(confirm["style"], "positive");
  EXPECT_EQ(confirm["data"], (json{{"mentorbot", "action"}, {"id", "confirm"}, {"value", "12"}}));
  EXPECT_EQ(sets[0]["actions"][1]["style"], "destructive");
}

TEST(AdaptiveCardRendererTest, AFormIsAMultiLineInputWithASubmitAndItsErrors) {
  Message message{"Takeaways", {Section{RichText("What did you take away?"), {}, {}, TakeawaysForm("draft")}}};
  const json card = RenderAdaptiveCard(message, {{"text", "Please write something first."}});
  const json inputs = FindAll(card, "Input.Text");
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0]["id"], "input.text");
  EXPECT_EQ(inputs[0]["isMultiline"], true);
  EXPECT_EQ(inputs[0]["maxLength"], kMaxTakeawaysLength);
  EXPECT_EQ(inputs[0]["value"], "draft");
  bool error_shown = false;
  for (const auto& block : card["body"]) {
    error_shown = error_shown || (block.value("color", "") == "Attention" &&
                                  block["text"].get<std::string>().find("write something") != std::string::npos);
  }
  EXPECT_TRUE(error_shown);
  const json sets = FindAll(card, "ActionSet");
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0]["actions"][0]["data"]["mentorbot"], "form");
  EXPECT_EQ(sets[0]["actions"][0]["data"]["id"], "takeaways");
  EXPECT_EQ(sets[0]["actions"][0]["associatedInputs"], "auto");
}

TEST(AdaptiveCardRendererTest, TheJoinFormHasAChoiceSetAPeoplePickerAndOptionalInputs) {
  Message message{"Join", {Section{RichText("Join the program"), {}, {}, JoinForm()}}};
  const json card = RenderAdaptiveCard(message);
  const json choices = FindAll(card, "Input.ChoiceSet");
  ASSERT_EQ(choices.size(), 2u);
  EXPECT_EQ(choices[0]["id"], "input.role");
  EXPECT_EQ(choices[0]["style"], "compact");
  EXPECT_EQ(choices[0]["choices"][0]["value"], "mentee");
  EXPECT_EQ(choices[0]["isRequired"], true);
  EXPECT_EQ(choices[1]["id"], "input.manager");
  EXPECT_EQ(choices[1]["choices.data"]["dataset"], "graph.microsoft.com/users") << "Teams' people picker";
  EXPECT_EQ(choices[1]["isRequired"], false);
  const json texts = FindAll(card, "Input.Text");
  ASSERT_EQ(texts.size(), 4u);
  EXPECT_EQ(texts[3]["id"], "input.background");
  EXPECT_EQ(texts[3]["isRequired"], false);
}

TEST(AdaptiveCardRendererTest, MentionsTimesAndUserTextRenderSafely) {
  const UserRef sam{Platform::kTeams, "tenant-1", "aad-sam"};
  const UserRef slack{Platform::kSlack, "T1", "U1"};
  RichText text = RichText("Hi ").Mention(sam, "Sam").Text(" and ").Mention(slack, "Kim").Text(": **not bold** [x](y) ");
  text.Time(TimePoint(std::chrono::seconds(1795424400)), "Mon 23 Nov 09:00");
  const json card = RenderAdaptiveCard(Message{"x", {Section{text, {}, {}}}});
  const std::string rendered = card["body"][0]["text"];
  EXPECT_NE(rendered.find("<at>Sam</at>"), std::string::npos);
  EXPECT_NE(rendered.find("**Kim**"), std::string::npos);
  EXPECT_NE(rendered.find("\\*\\*not bold\\*\\* \\[x\\](y)"), std::string::npos) << rendered;
  EXPECT_NE(rendered.find("{{DATE(2026-11-23T09:00:00Z, SHORT)}} {{TIME(2026-11-23T09:00:00Z)}}"), std::string::npos);
  ASSERT_TRUE(card.contains("msteams"));
  EXPECT_EQ(card["msteams"]["entities"][0]["mentioned"]["id"], "aad-sam");
  EXPECT_EQ(card["msteams"]["entities"][0]["text"], "<at>Sam</at>");
}

TEST(AdaptiveCardRendererTest, StaysWithinTeamsSizeWithoutCuttingUtf8) {
  Message message{"Long", {}};
  for (int i = 0; i < 40; ++i) message.sections.push_back(Section{RichText(std::string(3000, 'x') + "é"), {}, {}});
  message.sections.push_back(Section{RichText(std::string(9000, 'y') + "日本"), {}, {}});
  const json card = RenderAdaptiveCard(message);
  EXPECT_LE(card.dump().size(), AdaptiveCardLimits::kMaxCardBytes + 2000);
  EXPECT_EQ(SanitizeUtf8(card.dump()), card.dump());
  const std::string last = card["body"].back()["text"];
  EXPECT_NE(last.find("more than fits"), std::string::npos);
  Message huge{"Huge", {Section{RichText(std::string(20000, 'z')), {}, {}}}};
  const json single = RenderAdaptiveCard(huge);
  EXPECT_LE(CountCodePoints(single["body"][0]["text"].get<std::string>()), AdaptiveCardLimits::kMaxTextBlock);
}

TEST(AdaptiveCardRendererTest, TheInvokeResponseReplacesTheCardWithTheReply) {
  Reply reply{Message{"Confirmed", {Section{RichText("Session confirmed."), {}, {}}}}};
  const json response = RenderInvokeResponse(reply);
  EXPECT_EQ(response["statusCode"], 200);
  EXPECT_EQ(response["type"], "application/vnd.microsoft.card.adaptive");
  EXPECT_EQ(response["value"]["body"][0]["text"], "Session confirmed.");
}

}  // namespace
}  // namespace mentorbot
