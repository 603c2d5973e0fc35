// Modals and the home tab within Slack's view limits.
#include "adapters/slack/block_kit_views.h"

#include <gtest/gtest.h>

#include "bot/engine/program/forms.h"
#include "tests/adapters/block_kit_test_helpers.h"

namespace mentorbot {
namespace {

using namespace block_kit_test;

const json* InputBlock(const json& view, const std::string& name) {
  for (const auto& block : view.at("blocks")) {
    if (block.value("block_id", "") == name) return &block;
  }
  return nullptr;
}

TEST(BlockKitViewsTest, AFormIsAModalWithOneInputBlockPerInput) {
  const json modal = RenderFormModal(TakeawaysForm("what I wrote before"), ModalContext{"", true});
  EXPECT_EQ(modal.at("type"), "modal");
  EXPECT_EQ(modal.at("callback_id"), "takeaways");
  EXPECT_EQ(modal.at("title").at("text"), "Edit your takeaways") << "what was written before is edited";
  EXPECT_EQ(modal.at("submit").at("text"), "Save");
  const json* input = InputBlock(modal, "text");
  ASSERT_NE(input, nullptr);
  EXPECT_EQ(input->at("type"), "input");
  EXPECT_EQ(input->at("element").at("type"), "plain_text_input");
  EXPECT_EQ(input->at("element").at("action_id"), "text");
  EXPECT_EQ(input->at("element").at("multiline"), true);
  EXPECT_EQ(input->at("element").at("initial_value"), "what I wrote before");
  EXPECT_EQ(input->at("element").at("max_length"), SlackViewLimits::kMaxTextInput)
      << "takeaways allow 4000 characters, Slack's text input at most 3000";
  auto context = DecodeModalContext(modal.at("private_metadata"));
  ASSERT_TRUE(context);
  EXPECT_TRUE(context->from_home);
}

TEST(BlockKitViewsTest, TheJoinFormHasASelectAPeoplePickerAndOptionalInputs) {
  const json modal = RenderFormModal(JoinForm(), ModalContext{});
  const json* role = InputBlock(modal, "role");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->at("element").at("type"), "static_select");
  EXPECT_EQ(role->at("element").at("options").size(), 2u);
  EXPECT_EQ(role->at("element").at("options").at(0).at("value"), "mentee");
  EXPECT_EQ(role->at("optional"), false);
  const json* manager = InputBlock(modal, "manager");
  ASSERT_NE(manager, nullptr);
  EXPECT_EQ(manager->at("element").at("type"), "users_select");
  EXPECT_EQ(manager->at("optional"), true);
  EXPECT_EQ(InputBlock(modal, "background")->at("optional"), true);
  EXPECT_EQ(modal.at("submit").at("text"), "Join");
}

TEST(BlockKitViewsTest, ChosenValuesArePreselected) {
  Form form = JoinForm();
  form.inputs[0].initial = "mentor";
  form.inputs[4].initial = "U9BOSS";
  const json modal = RenderFormModal(form, ModalContext{});
  EXPECT_EQ(InputBlock(modal, "role")->at("element").at("initial_option").at("value"), "mentor");
  EXPECT_EQ(InputBlock(modal, "manager")->at("element").at("initial_user"), "U9BOSS");
}

TEST(BlockKitViewsTest, EveryViewTextIsCutToItsLimitOnACharacterBoundary) {
  Form form{"agenda", "", Repeat(kGrin, 40), Repeat(kEAcute, 40),
            {FormInput{"text", Repeat(kEAcute, 2500), Repeat(kGrin, 200), Repeat(kEAcute, 3500), true, 5000}}};
  form.inputs.push_back(FormInput{"pick", "Pick", "", "", false, 10, FormInput::Kind::kChoice,
                                  {{Repeat("v", 200), Repeat(kGrin, 100)}}, true});
  const json modal = RenderFormModal(form, ModalContext{Repeat(kGrin, 2000), false});
  ExpectSerialisable(modal);
  EXPECT_EQ(CountCodePoints(modal.at("title").at("text").get<std::string>()), SlackViewLimits::kMaxTitle);
  EXPECT_EQ(CountCodePoints(modal.at("submit").at("text").get<std::string>()), SlackViewLimits::kMaxSubmit);
  const json& text = *InputBlock(modal, "text");
  EXPECT_EQ(CountCodePoints(text.at("label").at("text").get<std::string>()), SlackViewLimits::kMaxLabel);
  EXPECT_EQ(CountCodePoints(text.at("element").at("placeholder").at("text").get<std::string>()),
            SlackViewLimits::kMaxPlaceholder);
  EXPECT_EQ(CountCodePoints(text.at("element").at("initial_value").get<std::string>()), SlackViewLimits::kMaxTextInput);
  const json& option = InputBlock(modal, "pick")->at("element").at("options").at(0);
  EXPECT_EQ(CountCodePoints(option.at("text").at("text").get<std::string>()), SlackViewLimits::kMaxOptionText);
  EXPECT_EQ(CountCodePoints(option.at("value").get<std::string>()), SlackViewLimits::kMaxOptionValue);
  EXPECT_LE(modal.at("private_metadata").get<std::string>().size(), SlackViewLimits::kMaxPrivateMetadata);
  for (const std::string& piece : {modal.at("title").at("text").get<std::string>(),
                                  text.at("element").at("initial_value").get<std::string>()}) {
    ExpectValidUtf8(piece);
  }
}

TEST(BlockKitViewsTest, TheHomeTabHasAHeaderAndAtMostAHundredBlocks) {
  Message message;
  message.summary = "mentorbot: your reverse-mentoring program";
  for (int i = 0; i < 80; ++i) {
    Section section{RichText("s" + std::to_string(i)), {}, {Button{"b", "met", ""}}};
    message.sections.push_back(section);
  }
  const json home = RenderHomeView(message);
  EXPECT_EQ(home.at("type"), "home");
  EXPECT_EQ(home.at("blocks").size(), BlockKitLimits::kMaxViewBlocks);
  EXPECT_EQ(home.at("blocks").at(0).at("type"), "header");
  EXPECT_EQ(home.at("blocks").at(0).at("text").at("type"), "plain_text");
}

TEST(BlockKitViewsTest, AReplyModalShowsTheMessageWithOnlyAClose) {
  Message message;
  message.sections.push_back(Section{RichText("Saved."), {}, {}});
  const json modal = RenderReplyModal(message);
  EXPECT_EQ(modal.at("type"), "modal");
  EXPECT_FALSE(modal.contains("submit"));
  EXPECT_EQ(modal.at("blocks").at(0).at("text").at("text"), "Saved.");
  EXPECT_EQ(RenderReplyModal(Message{}).at("blocks").size(), 1u) << "a modal needs at least one block";
}

TEST(BlockKitViewsTest, AFormInAMessageIsAButtonThatOpensIt) {
  Message message;
  Section section{RichText("Your next session has no agenda yet."), {}, {Button{"We met", "met", ""}}};
  section.form = AgendaForm();
  message.sections.push_back(section);
  const json blocks = RenderBlockKit(message).at("blocks");
  const json& buttons = blocks.at(1).at("elements");
  ASSERT_EQ(buttons.size(), 2u);
  EXPECT_EQ(buttons.at(1).at("action_id"), "form:agenda#1");
  EXPECT_EQ(buttons.at(1).at("text").at("text"), "Set the agenda");
  EXPECT_EQ(buttons.at(1).at("style"), "primary");
}

TEST(BlockKitViewsTest, ModalContextRoundTripsAndRefusesForeignMetadata) {
  auto decoded = DecodeModalContext(EncodeModalContext(ModalContext{"42", true}));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->argument, "42");
  EXPECT_TRUE(decoded->from_home);
  EXPECT_FALSE(DecodeModalContext(""));
  EXPECT_FALSE(DecodeModalContext("{\"v\":2,\"argument\":\"x\"}"));
  EXPECT_FALSE(DecodeModalContext("{\"v\":1,\"argument\":3}"));
}

}  // namespace
}  // namespace mentorbot
