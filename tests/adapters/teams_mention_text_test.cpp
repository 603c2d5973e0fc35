#include "adapters/teams/mention_text.h"

#include <gtest/gtest.h>

#include "bot/engine/command_text.h"
#include "bot/engine/program/mention.h"
#include "tests/support/fixtures.h"

namespace mentorbot {
namespace {

nlohmann::json Fixture(const std::string& name) { return nlohmann::json::parse(ReadFixture(name)); }

TEST(TeamsMentionTextTest, ARecordedChannelMessageBecomesACommandNamingPeopleExactly) {
  const auto activity = Fixture("teams_channel_message_with_mentions.json");
  const std::string text = ResolveTeamsMentions(activity["text"].get<std::string>(), activity["entities"],
                                                activity["conversation"]["tenantId"].get<std::string>(),
                                                activity["recipient"]["id"].get<std::string>());
  EXPECT_EQ(text, "admin pair teams:tenant-1:aad-sam teams:tenant-1:aad-alex");
  // ... which the engine reads as two people in that tenant.
  const UserRef actor{Platform::kTeams, "tenant-1", "aad-admin"};
  auto command = ParseCommandText(text);
  auto [sub, rest] = SplitFirstWord(command.args);
  auto [first, second] = SplitFirstWord(rest);
  EXPECT_EQ(ParseMention(first, actor)->Key(), "teams:tenant-1:aad-sam");
  EXPECT_EQ(ParseMention(second, actor)->Key(), "teams:tenant-1:aad-alex");
}

TEST(TeamsMentionTextTest, OnlyTheBotsOwnMentionIsRemoved) {
  const nlohmann::json entities = nlohmann::json::parse(
      R"([{"type":"mention","text":"<at>mentorbot</at>","mentioned":{"id":"28:bot","name":"mentorbot"}}])");
  EXPECT_EQ(ResolveTeamsMentions("<at>mentorbot</at> status", entities, "t", "28:bot"), "status");
  EXPECT_EQ(ResolveTeamsMentions("status", entities, "t", "28:bot"), "status");
}

TEST(TeamsMentionTextTest, UnexplainedOrIncompleteMentionsAreLeftAlone) {
  const nlohmann::json no_aad = nlohmann::json::parse(
      R"([{"type":"mention","text":"<at>Sam</at>","mentioned":{"id":"29:1sam","name":"Sam"}}])");
  EXPECT_EQ(ResolveTeamsMentions("admin pair <at>Sam</at>", no_aad, "t", "28:bot"), "admin pair <at>Sam</at>");
  EXPECT_EQ(ResolveTeamsMentions(" <at>Nobody</at> ", nlohmann::json::array(), "t", "28:bot"), "<at>Nobody</at>");
  EXPECT_EQ(ResolveTeamsMentions("hi", nlohmann::json::object(), "t", "28:bot"), "hi");
  const nlohmann::json junk = nlohmann::json::parse(R"([1, "x", {"type":"mention"}, {"type":"mention","text":5}])");
  EXPECT_EQ(ResolveTeamsMentions("status", junk, "t", "28:bot"), "status");
}

TEST(TeamsMentionTextTest, TheSameNameTwiceMapsEachMarkupInTurn) {
  const nlohmann::json entities = nlohmann::json::parse(R"([
    {"type":"mention","text":"<at>Sam</at>","mentioned":{"id":"29:a","aadObjectId":"aad-a"}},
    {"type":"mention","text":"<at>Sam</at>","mentioned":{"id":"29:b","aadObjectId":"aad-b"}}])");
  EXPECT_EQ(ResolveTeamsMentions("admin pair <at>Sam</at> <at>Sam</at>", entities, "t", "28:bot"),
            "admin pair teams:t:aad-a teams:t:aad-b");
}

}  // namespace
}  // namespace mentorbot
