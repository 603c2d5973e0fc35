// Recorded Slack interactivity payloads → what the bot acts on.
#include "adapters/slack/interaction_parser.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/fixtures.h"

namespace mentorbot {
namespace {

using nlohmann::json;
using Surface = SlackInteraction::Surface;

TEST(SlackInteractionParserTest, AButtonInADirectMessageBecomesAnAction) {
  auto parsed = ParseInteraction(ReadFixture("slack_block_actions.json"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->type, SlackInteraction::Type::kBlockAction);
  EXPECT_EQ(parsed->event.kind, EventKind::kAction);
  EXPECT_EQ(parsed->event.action_id, "confirm") << "the renderer's #index suffix is stripped";
  EXPECT_EQ(parsed->event.action_value, "7");
  EXPECT_EQ(parsed->event.from.user.Key(), "slack:T1:U2MENTOR");
  EXPECT_EQ(parsed->event.event_id, "1111.2222.trigger-confirm");
  EXPECT_FALSE(parsed->event.redeliverable) << "Slack never redelivers an interaction";
  EXPECT_EQ(parsed->surface, Surface::kMessage);
  EXPECT_EQ(parsed->channel_id, "D2MENTOR");
  EXPECT_EQ(parsed->message_ts, "1700000100.000200");
  EXPECT_FALSE(parsed->ephemeral);
  EXPECT_EQ(parsed->response_url, "https://hooks.slack.com/actions/T1/1/abc");
  EXPECT_FALSE(parsed->opens_form);
}

TEST(SlackInteractionParserTest, AFormButtonInTheHomeTabOpensTheForm) {
  auto parsed = ParseInteraction(ReadFixture("slack_block_actions_home.json"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_TRUE(parsed->opens_form);
  EXPECT_EQ(parsed->event.action_id, "takeaways");
  EXPECT_EQ(parsed->surface, Surface::kHome);
  EXPECT_EQ(parsed->view_id, "V0HOME");
  EXPECT_EQ(parsed->trigger_id, "3333.4444.trigger-home");
}

TEST(SlackInteractionParserTest, AnEphemeralMessageIsReplacedThroughItsResponseUrl) {
  json payload = json::parse(ReadFixture("slack_block_actions.json"));
  payload["container"] = {{"type", "message"}, {"message_ts", "1700000100.000200"}, {"channel_id", "C1"}, {"is_ephemeral", true}};
  auto parsed = ParseInteraction(payload.dump());
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->ephemeral);
}

TEST(SlackInteractionParserTest, AViewSubmissionCarriesEveryInputWhateverItsElement) {
  auto parsed = ParseInteraction(ReadFixture("slack_view_submission.json"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->type, SlackInteraction::Type::kViewSubmission);
  EXPECT_EQ(parsed->event.kind, EventKind::kFormSubmission);
  EXPECT_EQ(parsed->event.action_id, "join");
  EXPECT_EQ(parsed->event.fields.at("role"), "mentee");
  EXPECT_EQ(parsed->event.fields.at("department"), "Finance");
  EXPECT_EQ(parsed->event.fields.at("manager"), "U9BOSS");
  EXPECT_EQ(parsed->event.fields.at("background"), "") << "an empty text input is null";
  EXPECT_TRUE(parsed->modal.from_home);
  EXPECT_EQ(parsed->event.event_id, "5555.6666.trigger-submit");
}

TEST(SlackInteractionParserTest, ForeignMetadataLeavesTheArgumentEmpty) {
  json payload = json::parse(ReadFixture("slack_view_submission.json"));
  payload["view"]["private_metadata"] = "not ours";
  auto parsed = ParseInteraction(payload.dump());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->event.action_value, "");
  EXPECT_FALSE(parsed->modal.from_home);
}

// A "v" in the metadata that is not a small number was undefined behaviour
// (a double beyond int: found by fuzz/slack_interaction_fuzzer) or threw out
// of ParseInteraction (a string). Inputs: fuzz/corpus/slack_interaction/crash-modal-version-*.
TEST(SlackInteractionParserTest, MetadataWhoseVersionIsNotANumberIsForeign) {
  for (const char* metadata : {R"({"v":"1","argument":"7"})", R"({"v":1e300,"argument":"7"})",
                               R"({"v":null,"argument":"7"})", R"({"v":[1],"argument":"7"})"}) {
    json payload = json::parse(ReadFixture("slack_view_submission.json"));
    payload["view"]["private_metadata"] = metadata;
    auto parsed = ParseInteraction(payload.dump());
    ASSERT_TRUE(parsed.ok()) << metadata;
    EXPECT_EQ(parsed->event.action_value, "") << metadata;
  }
}

TEST(SlackInteractionParserTest, OtherInteractionTypesAreIgnored) {
  auto parsed = ParseInteraction(R"({"type":"view_closed","user":{"id":"U1"},"team":{"id":"T1"}})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->type, SlackInteraction::Type::kIgnored);
  EXPECT_EQ(parsed->payload_type, "view_closed");
}

TEST(SlackInteractionParserTest, MalformedPayloadsAreRefused) {
  for (const std::string payload :
       {"", "[]", "{", R"({"type":1})", R"({"user":{"id":"U1"}})",
        R"({"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"}})",
        R"({"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"value":"x"}]})",
        R"({"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"actions":[{"action_id":"met"}],"container":{"type":"message"}})",
        R"({"type":"block_actions","team":{"id":"T1"},"user":{"id":"bad id"},"actions":[{"action_id":"met"}]})",
        R"({"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},"view":{}})"}) {
    EXPECT_FALSE(ParseInteraction(payload).ok()) << payload;
  }
}

}  // namespace
}  // namespace mentorbot
