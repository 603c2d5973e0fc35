#include "adapters/slack/block_kit_renderer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "adapters/common/utf8.h"
#include "tests/adapters/block_kit_test_helpers.h"

namespace mentorbot {
namespace {

using namespace block_kit_test;

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
}  // namespace
}  // namespace mentorbot
