// kill -9 at random moments under a steady stream of signed Slack commands:
// a mentee cancels, schedules and writes takeaways as fast as the bot
// answers, while the bot is killed and restarted on the same database again
// and again. Afterwards every answered write is in the database, and every
// message the database says was or is to be sent reached Slack exactly once.
// The seed is printed; MENTORBOT_CRASH_SEED=<seed> replays the kill moments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "bot/engine/delivery/notifications.h"
#include "tests/support/database_file.h"
#include "tests/support/platform_fakes.h"
#include "tests/support/slack_signing.h"
#include "tests/support/wait_until.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;

constexpr int kKills = 6;

// The i-th proposed time: 2030-01-01 00:00 UTC plus i quarter hours, as the
// mentee types it (their zone is UTC) and as the database stores it.
struct ProposedTime {
  std::string typed;
  long long epoch;
};
ProposedTime ProposalTime(int i) {
  const std::time_t epoch = 1893456000 + static_cast<std::time_t>(i) * 15 * 60;
  std::tm utc{};
  gmtime_r(&epoch, &utc);
  char typed[32];
  std::strftime(typed, sizeof typed, "%Y-%m-%d %H:%M", &utc);
  return {typed, static_cast<long long>(epoch)};
}

// What the client thread saw answered with a 200.
struct Acknowledged {
  std::vector<ProposedTime> proposals;
  std::vector<std::string> takeaways;  // in the order they were answered
  int requests = 0;
};

class CrashRecoveryTest : public ::testing::Test {
 protected:
  void Start() {
    auto config = fakes.Config(dir.File("bot.db"));
    config["outbox"]["lease_seconds"] = 2;  // a message claimed by a killed bot is taken again soon
    bot = std::make_unique<BotProcess>(dir, config.dump(), fakes.Env());
    port = bot->port();
  }

  SlashCommandResult Command(const std::string& user, const std::string& text) {
    return PostSlashCommand(port, PlatformFakes::kSlackSecret, "T1", user, text);
  }

  // The mentee's stream, until `stop`: cancel, schedule, takeaways, again.
  // A request the bot died under has no answer and counts for nothing.
  void Stream(const std::string& seed, Acknowledged& acknowledged) {
    for (int i = 0; !stop; ++i) {
      Command("UMENTEE", "cancel");
      const ProposedTime when = ProposalTime(i);
      auto scheduled = Command("UMENTEE", "schedule " + when.typed);
      if (scheduled.status == 200 && scheduled.body.find("Proposed") != std::string::npos) {
        acknowledged.proposals.push_back(when);
      }
      const std::string text = "Takeaway " + std::to_string(i) + " of run " + seed;
      auto written = Command("UMENTEE", "takeaways " + text);
      if (written.status == 200 && written.body.find("Takeaways") != std::string::npos &&
          written.body.find("try again") == std::string::npos) {
        acknowledged.takeaways.push_back(text);
      }
      acknowledged.requests += 3;
      // Pacing: each round queues three messages, and the outbox sends about
      // as many a second as it can fsync twice; a backlog of thousands would
      // only test patience.
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }

  TempDir dir;
  PlatformFakes fakes;
  std::unique_ptr<BotProcess> bot;
  std::atomic<int> port{0};
  std::atomic<bool> stop{false};
};

TEST_F(CrashRecoveryTest, EveryAnsweredWriteSurvivesAndEveryMessageIsSentExactlyOnce) {
  unsigned seed = static_cast<unsigned>(std::random_device{}());
  if (const char* replay = std::getenv("MENTORBOT_CRASH_SEED")) seed = static_cast<unsigned>(std::stoul(replay));
  std::cout << "crash test seed: " << seed << " (MENTORBOT_CRASH_SEED=" << seed << " replays it)" << std::endl;
  RecordProperty("seed", std::to_string(seed));
  std::mt19937 random(seed);

  Start();
  ASSERT_EQ(Command("UMENTOR", "join mentor").status, 200);
  ASSERT_EQ(Command("UMENTEE", "join mentee").status, 200);
  ASSERT_THAT(Command("UADMIN", "admin pair <@UMENTOR> <@UMENTEE>").body, HasSubstr("Paired"));
  ASSERT_THAT(Command("UMENTEE", "met").body, HasSubstr("1 of 6"));

  Acknowledged acknowledged;
  std::thread client([&] { Stream(std::to_string(seed), acknowledged); });
  std::uniform_int_distribution<int> life_ms(150, 900);
  for (int kill = 0; kill < kKills; ++kill) {
    std::this_thread::sleep_for(std::chrono::milliseconds(life_ms(random)));  // a random moment, not a wait for anything
    bot->Stop(SIGKILL);
    Start();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(life_ms(random)));
  stop = true;
  client.join();
  std::cout << acknowledged.requests << " requests, " << acknowledged.proposals.size() << " proposals and "
            << acknowledged.takeaways.size() << " takeaways acknowledged" << std::endl;
  ASSERT_TRUE(acknowledged.proposals.size() >= 5 && acknowledged.takeaways.size() >= 5) << "the stream ran between the kills";

  // Drained: nothing left to send (a message a killed bot had claimed waits out its 2-s lease).
  const std::string db = dir.File("bot.db");
  std::vector<OutboxRow> outbox;
  EXPECT_TRUE(WaitUntil(
      [&] {
        outbox = OutboxRows(db);
        return std::none_of(outbox.begin(), outbox.end(), [](const OutboxRow& row) { return row.state == "pending"; });
      },
      std::chrono::seconds(30)))
      << "not drained";

  // Every answered write is stored.
  const auto starts = QueryColumn(db, "SELECT starts_at FROM sessions");
  const std::set<std::string> stored_starts(starts.begin(), starts.end());
  for (const auto& proposal : acknowledged.proposals) {
    EXPECT_TRUE(stored_starts.count(std::to_string(proposal.epoch))) << "lost: schedule " << proposal.typed;
  }
  std::set<std::string> keys;
  for (const auto& row : outbox) keys.insert(row.key);
  const std::string held = QueryColumn(db, "SELECT id FROM sessions WHERE state = 'held'").at(0);
  for (const auto& text : acknowledged.takeaways) {
    EXPECT_TRUE(keys.count("session:" + held + ":takeaways:" + Fingerprint(text))) << "lost: takeaways " << text;
  }
  const std::string last = QueryColumn(db, "SELECT takeaways FROM sessions WHERE state = 'held'").at(0);
  const int last_index = std::stoi(last.substr(std::string("Takeaway ").size()));
  const int last_acknowledged = std::stoi(acknowledged.takeaways.back().substr(std::string("Takeaway ").size()));
  EXPECT_GE(last_index, last_acknowledged) << "the newest answered takeaways were not overwritten by older ones";

  // Every message is at Slack exactly once: none twice, none lost.
  const std::map<std::string, int> posted = fakes.SlackMessageKeys();
  for (const auto& [key, times] : posted) EXPECT_EQ(times, 1) << "sent twice: " << key;
  for (const auto& row : outbox) {
    EXPECT_EQ(row.state, "delivered") << row.key << "\n" << bot->Log();
    EXPECT_TRUE(posted.count(row.key)) << "never reached Slack: " << row.key;
  }
  EXPECT_EQ(posted.size(), outbox.size()) << "Slack got nothing the database does not know";
  std::cout << outbox.size() << " messages; " << fakes.slack.Calls("conversations.history").size()
            << " deliveries a killed bot had begun were checked against Slack's history" << std::endl;
  EXPECT_EQ(IntegrityCheck(db), "ok");
}

}  // namespace
}  // namespace mentorbot
