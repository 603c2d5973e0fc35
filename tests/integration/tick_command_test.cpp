// `mentorbot tick` as a cron job would run it: the real binary, a fake Slack
// on loopback, chosen --as-of times; exactly the expected messages, each
// delivered once, also when two tick processes run at the same moment.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <date/date.h>
#include <fstream>
#include <future>
#include <map>

#include "tests/support/bot_process.h"
#include "tests/support/fake_slack_server.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;

constexpr const char* kToken = "xoxb-tick-token";

class TickCommandTest : public ::testing::Test {
 protected:
  TickCommandTest() : slack(kToken) {
    std::ofstream(dir.File("config.json"))
        << "{\"database\": {\"path\": \"" << dir.File("bot.db") << "\"}, \"slack\": {\"api_base_url\": \"" << slack.base_url()
        << "\"}, \"log\": {\"level\": \"warn\"}, \"program\": {\"admins\": [\"slack:T1:UADMIN\"]}}";
  }
  RunResult Run(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin() + 1, {"--config", dir.File("config.json")});
    return RunMentorbot(args, input, Environment{{"SLACK_BOT_TOKEN", kToken}});
  }
  // Noon UTC on a weekday at least `days` from now, in ISO 8601.
  static std::string WeekdayNoonIn(int days) {
    auto day = date::floor<date::days>(std::chrono::system_clock::now()) + date::days(days);
    while (date::weekday(day) == date::Saturday || date::weekday(day) == date::Sunday) day += date::days(1);
    return date::format("%FT12:00:00Z", day);
  }
  std::map<std::string, int> PostedByChannel() {
    std::map<std::string, int> counts;
    for (const auto& message : slack.PostedMessages()) ++counts[message["channel"].get<std::string>()];
    return counts;
  }
  void PairTwoPeople() {
    Run({"chat", "--as", "slack:T1:UM"}, "join mentor\n");
    Run({"chat", "--as", "slack:T1:UE"}, "join mentee\n");
    auto paired = Run({"chat", "--as", "slack:T1:UADMIN"}, "admin pair <@UM> <@UE>\n");
    ASSERT_THAT(paired.out, HasSubstr("Paired"));
  }

  TempDir dir;
  FakeSlackServer slack;
};

TEST_F(TickCommandTest, ADryRunListsWithoutSending) {
  PairTwoPeople();
  auto preview = Run({"tick", "--as-of", WeekdayNoonIn(29), "--dry-run"});
  EXPECT_EQ(preview.exit_code, 0) << preview.err;
  EXPECT_THAT(preview.out, HasSubstr("slack:T1:UM"));
  EXPECT_THAT(preview.out, HasSubstr(":stall:"));
  EXPECT_THAT(preview.out, HasSubstr("would queue 3 messages"));
  EXPECT_TRUE(slack.PostedMessages().empty());
}

TEST_F(TickCommandTest, TickAtChosenTimesSendsExactlyTheDueMessagesOnce) {
  PairTwoPeople();
  auto first = Run({"tick", "--as-of", WeekdayNoonIn(29)});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  // Two kickoffs queued at pairing, the first stall nudge to each, the admins' digest.
  EXPECT_EQ(PostedByChannel(), (std::map<std::string, int>{{"DUM", 2}, {"DUE", 2}, {"DUADMIN", 1}}));
  Run({"tick", "--as-of", WeekdayNoonIn(29)});
  EXPECT_EQ(slack.PostedMessages().size(), 5u) << "the same tick again sends nothing";
}

TEST_F(TickCommandTest, TwoConcurrentTicksSendEachMessageOnce) {
  PairTwoPeople();
  const std::string at = WeekdayNoonIn(29);
  auto a = std::async(std::launch::async, [&] { return Run({"tick", "--as-of", at}); });
  auto b = std::async(std::launch::async, [&] { return Run({"tick", "--as-of", at}); });
  EXPECT_EQ(a.get().exit_code, 0);
  EXPECT_EQ(b.get().exit_code, 0);
  EXPECT_EQ(PostedByChannel(), (std::map<std::string, int>{{"DUM", 2}, {"DUE", 2}, {"DUADMIN", 1}}));
}

TEST_F(TickCommandTest, ABadAsOfIsAUsageError) {
  auto result = Run({"tick", "--as-of", "next tuesday"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("ISO 8601"));
}

}  // namespace
}  // namespace mentorbot
