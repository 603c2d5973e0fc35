#include "adapters/slack/block_kit_renderer.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "adapters/common/utf8.h"
#include "tests/adapters/block_kit_test_helpers.h"

namespace mentorbot {
namespace {

using namespace block_kit_test;

TEST(RenderBlockKitLimitsTest, AtMostFiftyBlocks) {
  Message message;
  for (int i = 0; i < 60; ++i) message.sections.push_back(Section{RichText("s" + std::to_string(i)), {}, {}});
  const json blocks = RenderBlockKit(message).at("blocks");
  EXPECT_EQ(blocks.size(), BlockKitLimits::kMaxBlocks);
  EXPECT_EQ(blocks.at(0).at("text").at("text"), "s0");
}

TEST(RenderBlockKitLimitsTest, AtMostFiftyBlocksCountingActionsBlocks) {
  Message message;
  for (int i = 0; i < 30; ++i) {
    Section section{RichText("s"), {}, {}};
    section.buttons.push_back(Button{"b", "id", "v"});
    message.sections.push_back(section);
  }
  EXPECT_EQ(RenderBlockKit(message).at("blocks").size(), BlockKitLimits::kMaxBlocks);
}

TEST(RenderBlockKitLimitsTest, SectionTextOfTwoByteCharactersIsCutToThreeThousandCodePoints) {
  const json rendered = RenderBlockKit(WithText(Repeat(kEAcute, 5000)));
  const std::string text = SectionText(rendered);
  EXPECT_EQ(CountCodePoints(text), BlockKitLimits::kMaxSectionText);
  EXPECT_EQ(text.substr(text.size() - kEllipsis.size()), kEllipsis);
  ExpectValidUtf8(text);
  ExpectSerialisable(rendered);
}

TEST(RenderBlockKitLimitsTest, SectionTextOfEmojiIsCutWithoutBreakingASequence) {
  const json rendered = RenderBlockKit(WithText(Repeat(kGrin, 4000)));
  const std::string text = SectionText(rendered);
  EXPECT_LE(CountCodePoints(text), BlockKitLimits::kMaxSectionText);
  ExpectValidUtf8(text);
  ExpectSerialisable(rendered);
}

TEST(RenderBlockKitLimitsTest, SectionTextAtTheLimitIsNotCut) {
  const std::string exact = Repeat(kEAcute, BlockKitLimits::kMaxSectionText);
  EXPECT_EQ(SectionText(RenderBlockKit(WithText(exact))), exact);
}

TEST(RenderBlockKitLimitsTest, AtMostTenFields) {
  Section section;
  for (int i = 0; i < 15; ++i) section.fields.push_back(Field{"f" + std::to_string(i), RichText("v")});
  const json fields = RenderBlockKit(OneSection(section)).at("blocks").at(0).at("fields");
  EXPECT_EQ(fields.size(), BlockKitLimits::kMaxFields);
  EXPECT_EQ(fields.at(9).at("text"), "*f9*\nv");
}

TEST(RenderBlockKitLimitsTest, FieldTextIsCutToTwoThousandCodePoints) {
  Section section;
  section.fields.push_back(Field{Repeat(kEAcute, 10), RichText(Repeat(kGrin, 3000))});
  const json rendered = RenderBlockKit(OneSection(section));
  const std::string text = rendered.at("blocks").at(0).at("fields").at(0).at("text");
  EXPECT_EQ(CountCodePoints(text), BlockKitLimits::kMaxFieldText);
  ExpectValidUtf8(text);
  ExpectSerialisable(rendered);
}

TEST(RenderBlockKitLimitsTest, ButtonTextIsCutToSeventyFiveCodePoints) {
  const json rendered = RenderBlockKit(WithButtons({Button{Repeat(kGrin, 100), "a", "v"}}));
  const std::string text = rendered.at("blocks").at(0).at("elements").at(0).at("text").at("text");
  EXPECT_EQ(CountCodePoints(text), BlockKitLimits::kMaxButtonText);
  ExpectValidUtf8(text);
  ExpectSerialisable(rendered);
}

TEST(RenderBlockKitLimitsTest, ActionIdIsCutTo255CodePoints) {
  const json rendered = RenderBlockKit(WithButtons({Button{"b", Repeat(kEAcute, 300), "v"}}));
  const std::string action_id = rendered.at("blocks").at(0).at("elements").at(0).at("action_id");
  EXPECT_LE(CountCodePoints(action_id), BlockKitLimits::kMaxActionId);
  ExpectValidUtf8(action_id);
  ExpectSerialisable(rendered);
}

TEST(RenderBlockKitLimitsTest, ActionIdsStayUniqueWhenCut) {
  const std::string long_id(300, 'a');
  const json elements =
      RenderBlockKit(WithButtons({Button{"A", long_id, "1"}, Button{"B", long_id, "2"}})).at("blocks").at(0).at(
          "elements");
  const std::string first = elements.at(0).at("action_id");
  const std::string second = elements.at(1).at("action_id");
  EXPECT_LE(CountCodePoints(first), BlockKitLimits::kMaxActionId);
  EXPECT_LE(CountCodePoints(second), BlockKitLimits::kMaxActionId);
  EXPECT_NE(first, second);
}

TEST(RenderBlockKitLimitsTest, ActionValueIsCutTo255CodePoints) {
  const json rendered = RenderBlockKit(WithButtons({Button{"b", "a", Repeat(kGrin, 300)}}));
  const std::string value = rendered.at("blocks").at(0).at("elements").at(0).at("value");
  EXPECT_EQ(CountCodePoints(value), BlockKitLimits::kMaxActionValue);
  ExpectValidUtf8(value);
  ExpectSerialisable(rendered);
}

TEST(RenderBlockKitLimitsTest, AtMostTwentyFiveButtonsPerActionsBlock) {
  std::vector<Button> buttons;
  for (int i = 0; i < 30; ++i) buttons.push_back(Button{"b", "id", std::to_string(i)});
  const json elements = RenderBlockKit(WithButtons(buttons)).at("blocks").at(0).at("elements");
  EXPECT_EQ(elements.size(), BlockKitLimits::kMaxButtonsPerBlock);
  std::set<std::string> ids;
  for (const json& element : elements) ids.insert(element.at("action_id").get<std::string>());
  EXPECT_EQ(ids.size(), elements.size());
}

TEST(RenderBlockKitLimitsTest, FallbackTextIsCutWithoutBreakingUtf8) {
  Message message = WithText("x");
  message.summary = Repeat(kGrin, 5000);
  const json rendered = RenderBlockKit(message);
  const std::string text = rendered.at("text");
  EXPECT_EQ(CountCodePoints(text), BlockKitLimits::kMaxFallbackText);
  ExpectValidUtf8(text);
  ExpectSerialisable(rendered);
}

TEST(RenderBlockKitLimitsTest, HugeMessageOfMultiByteTextSerialises) {
  Message message;
  message.summary = Repeat(kEAcute, 4000);
  for (int i = 0; i < 40; ++i) {
    Section section;
    section.text = RichText(Repeat(kGrin, 3001)).Bold(Repeat(kEAcute, 10));
    for (int f = 0; f < 12; ++f) section.fields.push_back(Field{Repeat(kGrin, 5), RichText(Repeat(kEAcute, 2500))});
    section.buttons.push_back(Button{Repeat(kGrin, 80), Repeat(kEAcute, 260), Repeat(kGrin, 260)});
    message.sections.push_back(section);
  }
  const json rendered = RenderBlockKit(message);
  ExpectSerialisable(rendered);
  EXPECT_LE(rendered.at("blocks").size(), BlockKitLimits::kMaxBlocks);
  const std::string dumped = rendered.dump();
  EXPECT_EQ(SanitizeUtf8(dumped), dumped);
}

}  // namespace
}  // namespace mentorbot
