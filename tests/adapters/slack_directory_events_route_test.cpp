// POST /slack/events with team_join / user_change: the person goes to the
// engine as a directory update (no reply queued); a store failure is a 503
// so Slack retries; a bot's change never reaches the engine.
#include <gtest/gtest.h>

#include "adapters/slack/events_route.h"
#include "tests/adapters/slack_route_test_support.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fixtures.h"

namespace mentorbot {
namespace {

using nlohmann::json;

class RecordingHandler : public EventHandler {
 public:
  Reply Handle(const Event& event) override {
    std::lock_guard lock(mutex);
    events.push_back(event);
    Reply reply;
    reply.failed = fail;
    return reply;
  }
  std::mutex mutex;
  std::vector<Event> events;
  bool fail = false;
};

class SlackDirectoryEventsRouteTest : public ::testing::Test {
 protected:
  HttpResponse Post(const json& body) {
    RequestLogFields log;
    HttpResponse response = route_.Handle(SignedSlackRequest("/slack/events", body.dump(), "application/json", clock_), log);
    last_log_ = log.detail;
    return response;
  }

  FakeClock clock_{TimePoint(std::chrono::seconds(1700000000))};
  SlackRequestVerifier verifier_{kRouteTestSecret, clock_};
  RecordingHandler handler_;
  RecordingSlackViews views_;
  HttpClient files_client_{std::chrono::seconds(1)};
  SlackFileFetcher files_{"http://127.0.0.1:9", "", files_client_, handler_};
  SlackEventsRoute route_{verifier_, handler_, views_, files_, "/mentor"};
  std::string last_log_;
};

TEST_F(SlackDirectoryEventsRouteTest, AUserChangeReachesTheEngineWithoutAReply) {
  const HttpResponse response = Post(json::parse(ReadFixture("slack_user_change.json")));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "");
  ASSERT_EQ(handler_.events.size(), 1u);
  const Event& event = handler_.events[0];
  EXPECT_EQ(event.kind, EventKind::kDirectoryUpdate);
  EXPECT_FALSE(event.queue_reply_to.has_value());
  ASSERT_TRUE(event.directory_entry.has_value());
  EXPECT_EQ(event.directory_entry->id, "U2MENTOR");
  EXPECT_EQ(last_log_, "directory update");
  EXPECT_TRUE(views_.calls().empty());
}

TEST_F(SlackDirectoryEventsRouteTest, AStoreFailureIsRetriedAndABotNeverReachesTheEngine) {
  handler_.fail = true;
  EXPECT_EQ(Post(json::parse(ReadFixture("slack_team_join.json"))).status, 503);
  handler_.events.clear();
  json bot = json::parse(ReadFixture("slack_team_join.json"));
  bot["event"]["user"]["is_bot"] = true;
  EXPECT_EQ(Post(bot).status, 200);
  EXPECT_TRUE(handler_.events.empty());
  EXPECT_EQ(last_log_, "ignored team_join of a bot");
}

}  // namespace
}  // namespace mentorbot
