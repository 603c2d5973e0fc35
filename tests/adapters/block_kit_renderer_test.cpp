#include "adapters/slack/block_kit_renderer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "adapters/common/utf8.h"

namespace mentorbot {
namespace {

using nlohmann::json;

const std::string kEAcute = "\xC3\xA9";        // 2 bytes
const std::string kGrin = "\xF0\x9F\x98\x80";  // 4 bytes
const std::string kEllipsis = "\xE2\x80\xA6";

std::string Repeat(const std::string& piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// Valid UTF-8, and something nlohmann::json can serialise with its default
// (throwing) error handler.
void ExpectValidUtf8(const std::string& text) {
  EXPECT_EQ(SanitizeUtf8(text), text);
}

void ExpectSerialisable(const json& rendered) {
  EXPECT_NO_THROW({ (void)rendered.dump(); });
}

Message OneSection(Section section) {
  Message message;
  message.summary = "summary";
  message.sections.push_back(std::move(section));
  return message;
}

Message WithText(const RichText& text) {
  Section section;
  section.text = text;
  return OneSection(std::move(section));
}

Message WithButtons(std::vector<Button> buttons) {
  Section section;
  section.buttons = std::move(buttons);
  return OneSection(std::move(section));
}

std::string SectionText(const json& rendered, std::size_t block = 0) {
  return rendered.at("blocks").at(block).at("text").at("text").get<std::string>();
}

// --- EscapeSlackText -------------------------------------------------------

TEST(EscapeSlackTextTest, EscapesAmpersandAndAngleBrackets) {
  EXPECT_EQ(EscapeSlackText("a & <b> c"), "a &amp; &lt;b&gt; c");
}

TEST(EscapeSlackTextTest, AmpersandIsEscapedFirstSoEntitiesAreNotDoubleMeaning) {
  EXPECT_EQ(EscapeSlackText("&lt;"), "&amp;lt;");
}

TEST(EscapeSlackTextTest, LeavesOtherTextAlone) {
  EXPECT_EQ(EscapeSlackText("caf" + kEAcute + " *bold* _it_ `c` @here !channel"),
            "caf" + kEAcute + " *bold* _it_ `c` @here !channel");
}

TEST(EscapeSlackTextTest, BroadcastCannotSurvive) {
  EXPECT_EQ(EscapeSlackText("<!channel>"), "&lt;!channel&gt;");
  EXPECT_EQ(EscapeSlackText("<!here|here>"), "&lt;!here|here&gt;");
}

// --- RenderMrkdwn ----------------------------------------------------------

TEST(RenderMrkdwnTest, PlainTextIsEscaped) {
  EXPECT_EQ(RenderMrkdwn(RichText("<!channel> & <https://evil|click>")),
            "&lt;!channel&gt; &amp; &lt;https://evil|click&gt;");
}

TEST(RenderMrkdwnTest, BoldIsWrappedAndEscaped) {
  EXPECT_EQ(RenderMrkdwn(RichText().Bold("<!here>")), "*&lt;!here&gt;*");
}

TEST(RenderMrkdwnTest, AsteriskInsideBoldCannotEndTheSpan) {
  const std::string rendered = RenderMrkdwn(RichText().Bold("a*b"));
  EXPECT_EQ(rendered.front(), '*');
  EXPECT_EQ(rendered.back(), '*');
  EXPECT_EQ(rendered.substr(1, rendered.size() - 2).find('*'), std::string::npos) << rendered;
}

TEST(RenderMrkdwnTest, CodeIsWrappedAndEscaped) {
  EXPECT_EQ(RenderMrkdwn(RichText().Code("/mentor <@U1>")), "`/mentor &lt;@U1&gt;`");
}

TEST(RenderMrkdwnTest, BacktickInsideCodeCannotEndTheSpan) {
  const std::string rendered = RenderMrkdwn(RichText().Code("a`<!channel>`b"));
  EXPECT_EQ(rendered.substr(1, rendered.size() - 2).find('`'), std::string::npos) << rendered;
  EXPECT_EQ(rendered.find('<'), std::string::npos) << rendered;
}

TEST(RenderMrkdwnTest, SlackMentionBecomesUserLink) {
  EXPECT_EQ(RenderMrkdwn(RichText().Mention(UserRef{Platform::kSlack, "T1", "U123"}, "sam")), "<@U123>");
}

TEST(RenderMrkdwnTest, NonSlackMentionIsTheEscapedName) {
  EXPECT_EQ(RenderMrkdwn(RichText().Mention(UserRef{Platform::kTeams, "tenant", "aad-1"}, "Ana <3 & co")),
            "Ana &lt;3 &amp; co");
  EXPECT_EQ(RenderMrkdwn(RichText().Mention(UserRef{Platform::kConsole, "local", "bob"}, "<!channel>")),
            "&lt;!channel&gt;");
}

TEST(RenderMrkdwnTest, SlackMentionWithUnsafeIdFallsBackToEscapedName) {
  // An id that could close the link early must never be spliced into "<@...>".
  const std::string rendered =
      RenderMrkdwn(RichText().Mention(UserRef{Platform::kSlack, "T1", "U1><!channel"}, "sam"));
  EXPECT_EQ(rendered, "sam");
}

TEST(RenderMrkdwnTest, TimeBecomesSlackDateWithEscapedFallback) {
  const TimePoint time(std::chrono::seconds(1795424400));
  EXPECT_EQ(RenderMrkdwn(RichText().Time(time, "Mon 23 Nov, 09:00 <UTC>")),
            "<!date^1795424400^{date_short_pretty} at {time}|Mon 23 Nov, 09:00 &lt;UTC&gt;>");
}

TEST(RenderMrkdwnTest, SpansAreConcatenatedInOrder) {
  RichText text;
  text.Text("Hi ").Mention(UserRef{Platform::kSlack, "T1", "U9"}, "x").Text(", run ").Code("/mentor help").Text(".");
  EXPECT_EQ(RenderMrkdwn(text), "Hi <@U9>, run `/mentor help`.");
}

TEST(RenderMrkdwnTest, EmptyTextRendersEmpty) {
  EXPECT_EQ(RenderMrkdwn(RichText()), "");
}

// --- RenderBlockKit: shape ---------------------------------------------------

TEST(RenderBlockKitTest, MatchesGoldenFixture) {
  Message message;
  message.summary = "You have a new mentee";
  Section intro;
  intro.text = RichText("Meet ").Mention(UserRef{Platform::kSlack, "T1", "U2"}, "ana").Text(" & say hi.");
  intro.fields.push_back(Field{"Goal", RichText("Ship <it>")});
  intro.fields.push_back(Field{"First session", RichText().Time(TimePoint(std::chrono::seconds(1795424400)), "Mon 09:00")});
  intro.buttons.push_back(Button{"Accept", "pair.accept", "p1", Button::Style::kPrimary});
  intro.buttons.push_back(Button{"Decline", "pair.decline", "p1", Button::Style::kDanger});
  message.sections.push_back(intro);
  Section more;
  more.text = RichText().Bold("Tip:").Text(" type ").Code("/mentor help");
  more.buttons.push_back(Button{"Later", "pair.later", "p1", Button::Style::kDefault});
  message.sections.push_back(more);

  std::ifstream file(std::string(MENTORBOT_FIXTURES) + "/block_kit_golden.json");
  ASSERT_TRUE(file) << "missing fixture";
  const json expected = json::parse(file);
  EXPECT_EQ(RenderBlockKit(message), expected) << RenderBlockKit(message).dump(2);
}

TEST(RenderBlockKitTest, SummaryIsTheEscapedFallbackText) {
  Message message = WithText("body");
  message.summary = "Hi <!channel> & all";
  EXPECT_EQ(RenderBlockKit(message).at("text"), "Hi &lt;!channel&gt; &amp; all");
}

TEST(RenderBlockKitTest, EmptySummaryFallsBackToPlainText) {
  Message message = WithText("only the body");
  message.summary = "";
  EXPECT_EQ(RenderBlockKit(message).at("text"), "only the body");
}

TEST(RenderBlockKitTest, SectionTextIsMrkdwn) {
  const json rendered = RenderBlockKit(WithText("hello"));
  ASSERT_EQ(rendered.at("blocks").size(), 1u);
  const json& block = rendered.at("blocks").at(0);
  EXPECT_EQ(block.at("type"), "section");
  EXPECT_EQ(block.at("text").at("type"), "mrkdwn");
  EXPECT_EQ(block.at("text").at("text"), "hello");
}

TEST(RenderBlockKitTest, UserTextInSectionCannotBroadcast) {
  const json rendered = RenderBlockKit(WithText(RichText("<!channel>").Bold("<!here>").Code("<!everyone>")));
  const std::string text = SectionText(rendered);
  EXPECT_EQ(text.find('<'), std::string::npos) << text;
  EXPECT_EQ(text.find('>'), std::string::npos) << text;
}

TEST(RenderBlockKitTest, FieldLabelsAreEscapedAndBold) {
  Section section;
  section.fields.push_back(Field{"<!channel> & co", RichText("v")});
  const json rendered = RenderBlockKit(OneSection(section));
  EXPECT_EQ(rendered.at("blocks").at(0).at("fields").at(0).at("text"), "*&lt;!channel&gt; &amp; co*\nv");
}

TEST(RenderBlockKitTest, FieldValuesAreEscaped) {
  Section section;
  section.fields.push_back(Field{"Goal", RichText("<!here>")});
  const json rendered = RenderBlockKit(OneSection(section));
  EXPECT_EQ(rendered.at("blocks").at(0).at("fields").at(0).at("text"), "*Goal*\n&lt;!here&gt;");
}

TEST(RenderBlockKitTest, SectionWithOnlyFieldsHasNoTextKey) {
  Section section;
  section.fields.push_back(Field{"a", RichText("b")});
  const json block = RenderBlockKit(OneSection(section)).at("blocks").at(0);
  EXPECT_EQ(block.at("type"), "section");
  EXPECT_FALSE(block.contains("text"));
  EXPECT_EQ(block.at("fields").at(0).at("type"), "mrkdwn");
}

TEST(RenderBlockKitTest, SectionWithOnlyButtonsIsJustAnActionsBlock) {
  const json rendered = RenderBlockKit(WithButtons({Button{"Go", "go", "1"}}));
  ASSERT_EQ(rendered.at("blocks").size(), 1u);
  EXPECT_EQ(rendered.at("blocks").at(0).at("type"), "actions");
}

TEST(RenderBlockKitTest, ButtonsFollowTheirSectionInAnActionsBlock) {
  Section section;
  section.text = "Pick one";
  section.buttons.push_back(Button{"Yes", "answer", "yes", Button::Style::kPrimary});
  const json blocks = RenderBlockKit(OneSection(section)).at("blocks");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks.at(0).at("type"), "section");
  EXPECT_EQ(blocks.at(1).at("type"), "actions");
  const json& button = blocks.at(1).at("elements").at(0);
  EXPECT_EQ(button.at("type"), "button");
  EXPECT_EQ(button.at("text").at("type"), "plain_text");
  EXPECT_EQ(button.at("text").at("text"), "Yes");
  EXPECT_EQ(button.at("value"), "yes");
}

TEST(RenderBlockKitTest, ButtonStyles) {
  const json elements = RenderBlockKit(WithButtons({Button{"A", "a", "", Button::Style::kPrimary},
                                                    Button{"B", "b", "", Button::Style::kDanger},
                                                    Button{"C", "c", "", Button::Style::kDefault}}))
                            .at("blocks")
                            .at(0)
                            .at("elements");
  EXPECT_EQ(elements.at(0).at("style"), "primary");
  EXPECT_EQ(elements.at(1).at("style"), "danger");
  EXPECT_FALSE(elements.at(2).contains("style"));
}

TEST(RenderBlockKitTest, ActionIdsAreNumberedAndUniqueAcrossTheMessage) {
  Message message = WithButtons({Button{"A", "vote", "1"}, Button{"B", "vote", "2"}});
  Section second;
  second.buttons.push_back(Button{"C", "vote", "3"});
  message.sections.push_back(second);
  const json blocks = RenderBlockKit(message).at("blocks");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks.at(0).at("elements").at(0).at("action_id"), "vote#0");
  EXPECT_EQ(blocks.at(0).at("elements").at(1).at("action_id"), "vote#1");
  EXPECT_EQ(blocks.at(1).at("elements").at(0).at("action_id"), "vote#2");
}

TEST(RenderBlockKitTest, ButtonLabelIsPlainTextNotEscaped) {
  // plain_text is never parsed for mentions, so escaping would show "&lt;".
  const json button = RenderBlockKit(WithButtons({Button{"<3 & more", "a", "v"}})).at("blocks").at(0).at("elements").at(0);
  EXPECT_EQ(button.at("text").at("text"), "<3 & more");
}

TEST(RenderBlockKitTest, NoSectionsGivesNoBlocks) {
  Message message;
  message.summary = "just a line";
  const json rendered = RenderBlockKit(message);
  EXPECT_TRUE(rendered.at("blocks").is_array());
  EXPECT_TRUE(rendered.at("blocks").empty());
  EXPECT_EQ(rendered.at("text"), "just a line");
}

// --- RenderBlockKit: limits ----------------------------------------------------

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
