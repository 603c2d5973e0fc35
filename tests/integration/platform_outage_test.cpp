// Both platforms out for a while — first answering 503, then refusing
// connections — and back: the bot answers every webhook meanwhile, quickly
// and from its database, queues what it cannot send, and once the platforms
// are back delivers every queued message exactly once.
// (ProgramTimelineTest covers a Slack outage across kill -9; this is about
// both platforms, both kinds of outage, and the webhooks during them.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "tests/support/database_file.h"
#include "tests/support/platform_fakes.h"
#include "tests/support/slack_signing.h"
#include "tests/support/tcp_relay.h"
#include "tests/support/wait_until.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using std::chrono::milliseconds;

// Slack wants an answer within 3 s; an outage must not eat into that.
constexpr milliseconds kQuickly{2000};

int PortOf(const std::string& url) { return std::stoi(url.substr(url.rfind(':') + 1)); }

class PlatformOutageTest : public ::testing::Test {
 protected:
  PlatformOutageTest()
      : slack_relay(PortOf(fakes.slack.base_url())), teams_relay(PortOf(fakes.framework.base_url())) {}

  void SetUp() override {
    auto config = fakes.Config(dir.File("bot.db"), slack_relay.url() + "/api", teams_service_url());
    config["outbox"]["max_attempts"] = 100;  // the outage never uses them up
    bot = std::make_unique<BotProcess>(dir, config.dump(), fakes.Env());
  }

  std::string teams_service_url() const { return teams_relay.url() + "/teams/"; }

  // A signed Slack command, answered 200 within kQuickly.
  std::string Slack(const std::string& user, const std::string& text) {
    const auto start = std::chrono::steady_clock::now();
    auto result = PostSlashCommand(bot->port(), PlatformFakes::kSlackSecret, "T1", user, text);
    EXPECT_LT(std::chrono::steady_clock::now() - start, kQuickly) << text;
    EXPECT_EQ(result.status, 200) << text;
    return result.body;
  }
  // A Teams message from the Teams user, acknowledged 200 within kQuickly.
  void Teams(const std::string& text) {
    const auto start = std::chrono::steady_clock::now();
    auto result = fakes.PostTeams(bot->port(), fakes.TeamsMessage("aad-teams", text, teams_service_url()));
    EXPECT_LT(std::chrono::steady_clock::now() - start, kQuickly) << text;
    ASSERT_TRUE(result) << text;
    EXPECT_EQ(result->status, 200) << text;
  }
  // Waits until the outbox logged a failed attempt to send to `platform`
  // whose reason contains `reason`.
  bool WaitForFailedAttempt(const std::string& platform, const std::string& reason) {
    const std::string line = "to " + platform + " user ";
    return WaitUntil(
        [&] {
          const std::string log = bot->Log();
          for (auto at = log.find(line); at != std::string::npos; at = log.find(line, at + 1)) {
            const std::string rest = log.substr(at, log.find('\n', at) - at);
            if (rest.find("not delivered") != std::string::npos && rest.find(reason) != std::string::npos) return true;
          }
          return false;
        },
        std::chrono::seconds(15));
  }

  TempDir dir;
  PlatformFakes fakes;
  TcpRelay slack_relay;
  TcpRelay teams_relay;
  std::unique_ptr<BotProcess> bot;
};

TEST_F(PlatformOutageTest, WebhooksAreAnsweredThroughoutAndEveryQueuedMessageArrivesOnce) {
  Teams("help");  // the bot learns the Bot Framework's keys and gets its connector token
  ASSERT_TRUE(fakes.framework.WaitForActivities(1, std::chrono::seconds(15))) << bot->Log();
  Slack("UMENTOR", "join mentor");
  Slack("UMENTEE", "join mentee");

  // 503 from both.
  fakes.slack.SetDown(true);
  fakes.framework.SetDown(true);
  EXPECT_THAT(Slack("UADMIN", "admin pair <@UMENTOR> <@UMENTEE>"), HasSubstr("Paired"));
  EXPECT_THAT(Slack("UMENTEE", "schedule tomorrow 15:00"), HasSubstr("Proposed"));
  Teams("status");
  Teams("rules");
  ASSERT_TRUE(WaitForFailedAttempt("slack", "http 503")) << bot->Log();
  ASSERT_TRUE(WaitForFailedAttempt("teams", "connector: http 503")) << bot->Log();

  // Then no connection at all. (The platforms stay down behind the relays:
  // a request cut in flight must not be taken after all, which the bot could
  // not know — for Teams there is no way to ask what arrived.)
  slack_relay.SetRefusing(true);
  teams_relay.SetRefusing(true);
  EXPECT_THAT(Slack("UMENTEE", "agenda How my team experiences hiring"), HasSubstr("Agenda saved"));
  Teams("profile");
  ASSERT_TRUE(WaitForFailedAttempt("slack", "no response from " + slack_relay.url())) << bot->Log();
  ASSERT_TRUE(WaitForFailedAttempt("teams", "no response from " + teams_relay.url())) << bot->Log();
  EXPECT_TRUE(fakes.slack.PostedMessages().empty());
  EXPECT_EQ(fakes.framework.Activities().size(), 1u) << "only the reply from before the outage";

  // Back: everything queued goes out, once.
  fakes.slack.SetDown(false);
  fakes.framework.SetDown(false);
  slack_relay.SetRefusing(false);
  teams_relay.SetRefusing(false);
  std::vector<OutboxRow> outbox;
  ASSERT_TRUE(WaitUntil(
      [&] {
        outbox = OutboxRows(dir.File("bot.db"));
        return std::all_of(outbox.begin(), outbox.end(), [](const OutboxRow& row) { return row.state == "delivered"; });
      },
      std::chrono::seconds(20)))
      << bot->Log();
  const auto slack_rows = std::count_if(outbox.begin(), outbox.end(), [](const OutboxRow& r) { return r.platform == "slack"; });
  const auto teams_rows = std::count_if(outbox.begin(), outbox.end(), [](const OutboxRow& r) { return r.platform == "teams"; });
  EXPECT_EQ(slack_rows, 4) << "2 kickoffs, the proposal, the agenda";
  EXPECT_EQ(teams_rows, 4) << "a reply to each Teams message";

  const auto posted = fakes.SlackMessageKeys();
  EXPECT_EQ(posted.size(), static_cast<std::size_t>(slack_rows));
  for (const auto& row : outbox) {
    if (row.platform != "slack") continue;
    EXPECT_EQ(posted.count(row.key) ? posted.at(row.key) : 0, 1) << row.key;
  }
  EXPECT_EQ(fakes.framework.Activities().size(), static_cast<std::size_t>(teams_rows));
}

}  // namespace
}  // namespace mentorbot
