// The app manifest in the repository asks Slack for exactly what the bot
// answers: its three request URLs, the events the event parser handles, and
// the scopes the Web API calls need.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;

TEST(SlackManifestTest, ListsEveryUrlEventAndScopeTheBotUses) {
  const std::string manifest = ReadFixture("../../../deploy/slack-app-manifest.yml");
  for (const char* needle :
       {"url: https://mentorbot.example.com/slack/commands", "request_url: https://mentorbot.example.com/slack/events",
        "request_url: https://mentorbot.example.com/slack/interactions", "- app_home_opened", "- app_mention",
        "- message.im", "- file_shared", "- files:read", "- files:write", "home_tab_enabled: true", "messages_tab_enabled: true", "is_enabled: true", "- commands",
        "- chat:write", "- im:write", "- im:history", "- users:read", "- users:read.email", "- users.profile:read", "- app_mentions:read",
        "- team_join", "- user_change",
        "should_escape: true", "command: /mentor"}) {
    EXPECT_THAT(manifest, HasSubstr(needle));
  }
}

}  // namespace
}  // namespace mentorbot
