// A whole program timeline through the real binary: admin pairs two people,
// the mentee schedules and sets an agenda, the mentor confirms, they meet,
// takeaways, history — while the fake Slack Web API answers 429, 500 and
// ok:false along the way. Every message reaches Slack exactly once, and
// nothing is lost across kill -9.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/bot_process.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/slack_signing.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kSecret = "timeline-signing-secret";
constexpr const char* kToken = "xoxb-timeline-token";

class ProgramTimelineTest : public ::testing::Test {
 protected:
  ProgramTimelineTest() : slack(kToken) {}

  // The in-process scheduler is off unless a test asks for it: its messages
  // (digest, nudges) depend on the wall clock and would make counts flaky.
  void Start(const std::string& extra_outbox = "", bool scheduler = false) {
    const std::string config =
        "{\"server\": {\"host\": \"127.0.0.1\", \"port\": 0, \"threads\": 8}, \"database\": {\"path\": \"" +
        dir.File("bot.db") + "\"}, \"slack\": {\"api_base_url\": \"" + slack.base_url() +
        "\"}, \"outbox\": {\"first_backoff_seconds\": 1, \"max_backoff_seconds\": 2" + extra_outbox + "}, " +
        "\"scheduler\": {\"enabled\": " + (scheduler ? "true" : "false") + "}, "
        "\"program\": {\"admins\": [\"slack:T1:UADMIN\"], \"default_time_zone\": \"Europe/Berlin\"}}";
    bot = std::make_unique<BotProcess>(dir, config, Environment{{"SLACK_SIGNING_SECRET", kSecret}, {"SLACK_BOT_TOKEN", kToken}});
  }

  std::string Command(const std::string& user, const std::string& text) {
    auto result = PostSlashCommand(bot->port(), kSecret, "T1", user, text);
    EXPECT_EQ(result.status, 200) << text;
    return result.body;
  }

  // The texts of every message Slack accepted, by channel.
  std::map<std::string, std::vector<std::string>> Delivered() {
    std::map<std::string, std::vector<std::string>> by_channel;
    for (const auto& message : slack.PostedMessages()) {
      by_channel[message["channel"].get<std::string>()].push_back(message.dump());
    }
    return by_channel;
  }

  void Enrol() {
    Command("UMENTOR", "join mentor");
    Command("UMENTOR", "profile set manager none");
    Command("UMENTEE", "join mentee");
    Command("UMENTEE", "profile set manager <@UBOSS|boss>");
  }

  TempDir dir;
  FakeSlackServer slack;
  std::unique_ptr<BotProcess> bot;
};

TEST_F(ProgramTimelineTest, AFullTimelineDeliversEveryMessageExactlyOnceDespiteSlackErrors) {
  Start();
  Enrol();
  slack.FailNext("chat.postMessage", 1, FakeSlackServer::Fault{429, "", 1});
  EXPECT_THAT(Command("UADMIN", "admin pair <@UMENTOR|m> <@UMENTEE|e>"), HasSubstr("Paired"));
  ASSERT_TRUE(slack.WaitForPosted(2, std::chrono::seconds(15))) << bot->Log();

  slack.FailNext("chat.postMessage", 1, FakeSlackServer::Fault{500, "", -1});
  EXPECT_THAT(Command("UMENTEE", "schedule tomorrow 15:00"), HasSubstr("Proposed"));
  ASSERT_TRUE(slack.WaitForPosted(3, std::chrono::seconds(15))) << bot->Log();
  const std::string proposal = slack.PostedMessages().back().dump();
  EXPECT_THAT(proposal, HasSubstr("\"action_id\":\"confirm#0\""));
  EXPECT_THAT(proposal, HasSubstr("<!date^"));

  slack.FailNext("chat.postMessage", 1, FakeSlackServer::Fault{200, "internal_error", -1});
  Command("UMENTEE", "agenda How my team experiences our hiring process");
  ASSERT_TRUE(slack.WaitForPosted(4, std::chrono::seconds(15))) << bot->Log();
  EXPECT_THAT(slack.PostedMessages().back().dump(), HasSubstr("How my team experiences our hiring process"));

  EXPECT_THAT(Command("UMENTOR", "confirm"), HasSubstr("Confirmed"));
  ASSERT_TRUE(slack.WaitForPosted(5, std::chrono::seconds(15)));
  EXPECT_THAT(Command("UMENTEE", "met"), HasSubstr("1 of 6 sessions held"));
  ASSERT_TRUE(slack.WaitForPosted(6, std::chrono::seconds(15)));
  EXPECT_THAT(Command("UMENTEE", "takeaways Hiring panels need more diverse voices."), HasSubstr("Takeaways saved"));
  ASSERT_TRUE(slack.WaitForPosted(7, std::chrono::seconds(15)));
  EXPECT_THAT(Command("UMENTOR", "history"), HasSubstr("Hiring panels need more diverse voices."));
  EXPECT_THAT(Command("UOTHER", "history"), Not(HasSubstr("Hiring panels"))) << "a third person never reads it";

  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // room for any duplicate to show up
  auto delivered = Delivered();
  ASSERT_EQ(delivered.size(), 2u) << "DMs to exactly the mentor and the mentee";
  EXPECT_EQ(delivered["DUMENTOR"].size(), 5u);  // kickoff, proposal, agenda, "met" recorded, takeaways written
  EXPECT_EQ(delivered["DUMENTEE"].size(), 2u);  // kickoff, confirmed
  EXPECT_EQ(slack.Calls("conversations.open").size(), 2u) << "one DM channel per person, cached";
  EXPECT_EQ(slack.SharedFiles().size(), 2u) << "the confirmed session's invitation, to each of them";
  for (const auto& call : slack.Calls()) {
    // The upload URL Slack hands out is the credential: no token goes there.
    EXPECT_EQ(call.authorization, call.method == "file upload" ? "" : std::string("Bearer ") + kToken) << call.method;
  }
  EXPECT_THAT(bot->Log(), Not(HasSubstr(kToken))) << "the token is never logged";
}

TEST_F(ProgramTimelineTest, MessagesQueuedDuringAnOutageSurviveKillDashNineAndAreDeliveredOnce) {
  // A short lease: if the kill lands mid-attempt, the restarted bot takes the message again soon.
  Start(", \"lease_seconds\": 2");
  Enrol();
  slack.SetDown(true);
  EXPECT_THAT(Command("UADMIN", "admin pair <@UMENTOR> <@UMENTEE>"), HasSubstr("Paired"));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  bot->Stop(SIGKILL);
  EXPECT_TRUE(slack.PostedMessages().empty());
  slack.SetDown(false);
  Start(", \"lease_seconds\": 2");
  ASSERT_TRUE(slack.WaitForPosted(2, std::chrono::seconds(15))) << bot->Log();
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(slack.PostedMessages().size(), 2u);
}

TEST_F(ProgramTimelineTest, KillDashNineMidDispatchThenRestartSendsNothingTwice) {
  Start(", \"lease_seconds\": 2");
  Enrol();
  // Slack accepts the first message but the bot never hears back: it dies mid-dispatch.
  slack.HoldAnswers(1, std::chrono::seconds(30));
  Command("UADMIN", "admin pair <@UMENTOR> <@UMENTEE>");
  ASSERT_TRUE(slack.WaitForPosted(1, std::chrono::seconds(15)));
  bot->Stop(SIGKILL);
  Start(", \"lease_seconds\": 2");
  ASSERT_TRUE(slack.WaitForPosted(2, std::chrono::seconds(20))) << bot->Log();
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // room for a duplicate to show up
  auto posted = slack.PostedMessages();
  ASSERT_EQ(posted.size(), 2u) << "each kickoff exactly once";
  EXPECT_NE(posted[0]["metadata"]["event_payload"]["key"], posted[1]["metadata"]["event_payload"]["key"]);
  EXPECT_FALSE(slack.Calls("conversations.history").empty()) << "the uncertain attempt was checked, not repeated";
}

TEST_F(ProgramTimelineTest, ASlackUsersTimeZoneComesFromTheirSlackProfile) {
  slack.SetProfile("UTOKYO", "Asia/Tokyo", "Kenji");
  Start();
  Command("UTOKYO", "join mentee");
  std::string profile;
  for (int i = 0; i < 100 && profile.find("Asia/Tokyo") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    profile = Command("UTOKYO", "profile");
  }
  EXPECT_THAT(profile, HasSubstr("Asia/Tokyo"));
  EXPECT_EQ(slack.Calls("users.info").size(), 1u);
}

TEST_F(ProgramTimelineTest, TheServerRunsTheSchedulerItself) {
  Start("", /*scheduler=*/true);
  Enrol();
  // Quiet hours off and every day a work day, so the test holds at any hour.
  Command("UADMIN", "admin config set quiet_hours off");
  Command("UADMIN", "admin config set work_days mon-sun");
  Command("UADMIN", "admin pair <@UMENTOR> <@UMENTEE>");
  Command("UMENTEE", "schedule tomorrow 15:00");  // less than 48 h away: the agenda nudge is due at once
  bool nudged = false;
  for (int i = 0; i < 100 && !nudged; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (const auto& message : slack.PostedMessages()) {
      nudged = nudged || (message["channel"] == "DUMENTEE" && message.dump().find("has no agenda yet") != std::string::npos);
    }
  }
  EXPECT_TRUE(nudged) << bot->Log();
}

TEST_F(ProgramTimelineTest, APermanentSlackErrorIsNotRetried) {
  Start();
  Enrol();
  slack.FailNext("conversations.open", 1, FakeSlackServer::Fault{200, "user_not_found", -1});
  Command("UADMIN", "admin pair <@UMENTOR> <@UMENTEE>");
  ASSERT_TRUE(slack.WaitForPosted(1, std::chrono::seconds(15)));
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(slack.PostedMessages().size(), 1u) << "the other message failed for good";
  EXPECT_EQ(slack.Calls("conversations.open").size(), 2u) << "no retry storm";
  EXPECT_THAT(bot->Log(), HasSubstr("user_not_found (permanent)"));
}

}  // namespace
}  // namespace mentorbot
