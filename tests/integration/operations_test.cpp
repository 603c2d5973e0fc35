// The operations endpoints on the real binary: /metrics (Prometheus text,
// bearer token, counters and histogram for what was sent), /readyz, and a
// graceful SIGTERM — a request in flight is answered, /readyz turns 503, the
// process exits 0 within 10 s, and an undeliverable message stays queued in
// the database.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <thread>

#include "storage/sqlite_store.h"
#include "tests/support/bot_process.h"
#include "tests/support/fake_slack_server.h"
#include "tests/support/prometheus_text.h"
#include "tests/support/slack_signing.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;

constexpr const char* kSecret = "operations-signing-secret";
constexpr const char* kToken = "xoxb-operations-token";
constexpr const char* kMetricsToken = "metrics-scrape-token";

class OperationsTest : public ::testing::Test {
 protected:
  OperationsTest() : slack(kToken) {}

  void Start(bool metrics) {
    const std::string config =
        "{\"server\": {\"host\": \"127.0.0.1\", \"port\": 0, \"threads\": 8}, \"database\": {\"path\": \"" +
        dir.File("bot.db") + "\"}, \"slack\": {\"api_base_url\": \"" + slack.base_url() +
        "\"}, \"outbox\": {\"first_backoff_seconds\": 1, \"max_backoff_seconds\": 2}, "
        "\"scheduler\": {\"enabled\": false}, \"program\": {\"admins\": [\"slack:T1:UADMIN\"]}, "
        "\"metrics\": {\"enabled\": " + (metrics ? "true" : "false") + "}}";
    bot = std::make_unique<BotProcess>(dir, config,
                                       Environment{{"SLACK_SIGNING_SECRET", kSecret},
                                                   {"SLACK_BOT_TOKEN", kToken},
                                                   {"METRICS_TOKEN", kMetricsToken}});
  }

  httplib::Result Get(const std::string& path, const std::string& token = "") {
    httplib::Client client("127.0.0.1", bot->port());
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client.Get(path.c_str(), headers);
  }

  std::map<std::string, PrometheusFamily> Scrape() {
    auto result = Get("/metrics", kMetricsToken);
    EXPECT_TRUE(result);
    if (!result) return {};
    EXPECT_EQ(result->status, 200) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    try {
      return ParsePrometheusText(result->body);
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what() << " in\n" << result->body;
      return {};
    }
  }

  // Polls the log for `text` for up to `timeout`.
  bool WaitForLog(const std::string& text, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (bot->Log().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  TempDir dir;
  FakeSlackServer slack;
  std::unique_ptr<BotProcess> bot;
};

TEST_F(OperationsTest, MetricsCountRequestsByRouteAndWantTheToken) {
  Start(/*metrics=*/true);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(PostSlashCommand(bot->port(), kSecret, "T1", "U1", "help").status, 200);
  EXPECT_EQ(PostSlashCommand(bot->port(), "wrong-secret", "T1", "U1", "help").status, 401);
  EXPECT_EQ(Get("/nowhere")->status, 404);

  EXPECT_EQ(Get("/metrics")->status, 401);
  EXPECT_EQ(Get("/metrics", "not-the-token")->status, 401);
  struct Expected {
    const char* route;
    const char* status;
    double count;
  };
  const std::vector<Expected> expected = {{"/slack/commands", "200", 3}, {"/slack/commands", "401", 1},
                                          {"other", "404", 1}, {"/metrics", "401", 2}};
  // A request is counted just after its response was written, so the client
  // can be a moment ahead of the counters: scrape until they caught up.
  auto families = Scrape();
  for (int attempt = 0; attempt < 100; ++attempt) {
    bool caught_up = true;
    for (const Expected& row : expected) {
      caught_up = caught_up && FindSample(families, "mentorbot_http_requests_total",
                                          {{"route", row.route}, {"status", row.status}}) == row.count;
    }
    if (caught_up) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    families = Scrape();
  }
  for (const Expected& row : expected) {
    EXPECT_EQ(FindSample(families, "mentorbot_http_requests_total", {{"route", row.route}, {"status", row.status}}),
              row.count)
        << row.route << " " << row.status;
  }
  const PrometheusLabels commands = {{"route", "/slack/commands"}};
  EXPECT_EQ(FindSample(families, "mentorbot_http_request_duration_seconds_count", commands), 4);
  EXPECT_TRUE(FindSample(families, "mentorbot_outbox_messages", {{"state", "pending"}}));
  EXPECT_TRUE(FindSample(families, "mentorbot_messages_sent_total",
                         {{"platform", "slack"}}));
  EXPECT_EQ(FindSample(families, "mentorbot_scheduler_lag_seconds", {}), 0);
  EXPECT_GT(FindSample(families, "mentorbot_database_bytes", {}).value_or(0), 0);

  auto ready = Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(ready->body, "ready\n");
  EXPECT_THAT(bot->Log(), ::testing::Not(HasSubstr(kMetricsToken))) << "the token is never logged";
}

TEST_F(OperationsTest, MetricsAreOffByDefault) {
  Start(/*metrics=*/false);
  EXPECT_EQ(Get("/metrics", kMetricsToken)->status, 404);
  EXPECT_EQ(Get("/readyz")->status, 200);
}

// A raw connection, so a request can be left half-sent.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~RawConnection() { close(fd_); }
  bool connected() const { return connected_; }
  void Send(const std::string& data) {
    ASSERT_EQ(send(fd_, data.data(), data.size(), MSG_NOSIGNAL), static_cast<ssize_t>(data.size()));
  }
  // Everything until the peer closes (or 10 s pass).
  std::string ReadAll() {
    std::string out;
    char buffer[4096];
    ssize_t n;
    while ((n = recv(fd_, buffer, sizeof buffer, 0)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    return out;
  }

 private:
  int fd_;
  bool connected_ = false;
};

TEST_F(OperationsTest, SigtermAnswersTheRequestInFlightKeepsUndeliveredMessagesAndExitsZero) {
  Start(/*metrics=*/true);
  slack.SetDown(true);
  ASSERT_EQ(PostSlashCommand(bot->port(), kSecret, "T1", "U1", "join mentee").status, 200);
  ASSERT_EQ(PostSlashCommand(bot->port(), kSecret, "T1", "UADMIN", "admin announce Kickoff on Friday").status, 200);
  ASSERT_TRUE(WaitForLog("not delivered (attempt 1)", std::chrono::seconds(10))) << "the outbox tried";
  const auto before = Scrape();
  EXPECT_GE(FindSample(before, "mentorbot_outbox_messages", {{"state", "pending"}})
                .value_or(0),
            1);

  // A keep-alive connection that asks /readyz before and after the signal.
  httplib::Client keep_alive("127.0.0.1", bot->port());
  keep_alive.set_keep_alive(true);
  auto ready = keep_alive.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);

  // A signed command whose body is only half sent when SIGTERM arrives.
  const std::string body = SlashCommandBody("T1", "U1", "status");
  const long long timestamp =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  RawConnection in_flight(bot->port());
  ASSERT_TRUE(in_flight.connected());
  in_flight.Send("POST /slack/commands HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) +
                 "\r\nX-Slack-Request-Timestamp: " + std::to_string(timestamp) +
                 "\r\nX-Slack-Signature: " + SlackSignature(kSecret, timestamp, body) + "\r\n\r\n" +
                 body.substr(0, body.size() / 2));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the server has read the headers

  int wait_status = -1;
  std::thread stopper([&] { wait_status = bot->Stop(SIGTERM); });
  EXPECT_TRUE(WaitForLog("shutting down: 1 requests in flight", std::chrono::seconds(5))) << bot->Log();
  auto not_ready = keep_alive.Get("/readyz");
  ASSERT_TRUE(not_ready) << "a connection already open is still answered";
  EXPECT_EQ(not_ready->status, 503);
  EXPECT_EQ(not_ready->body, "shutting down\n");
  EXPECT_FALSE(Get("/readyz")) << "new connections are refused";

  in_flight.Send(body.substr(body.size() / 2));
  const std::string response = in_flight.ReadAll();
  EXPECT_THAT(response, HasSubstr("HTTP/1.1 200")) << response;
  EXPECT_THAT(response, HasSubstr("response_type"));
  stopper.join();

  ASSERT_TRUE(WIFEXITED(wait_status)) << bot->Log();
  EXPECT_EQ(WEXITSTATUS(wait_status), 0);
  const std::string log = bot->Log();
  std::smatch stopped;
  ASSERT_TRUE(std::regex_search(log, stopped, std::regex("stopped in (\\d+) ms"))) << log;
  EXPECT_LT(std::stoi(stopped[1]), 10000);

  auto store = SqliteStore::Open(dir.File("bot.db"));
  ASSERT_TRUE(store.ok()) << store.status().message();
  OutboxCounts counts;
  ASSERT_TRUE((*store)->Run(Store::Access::kRead, [&](StoreTransaction& tx) { counts = tx.outbox().Counts(); }).ok());
  EXPECT_GE(counts.pending, 1) << "the announcement Slack never took is still queued";
  EXPECT_EQ(counts.delivered, 0);
}

TEST_F(OperationsTest, ABadMetricsSettingStopsStartUpNamingTheKey) {
  std::ofstream(dir.File("bad.json")) << R"({"metrics": {"enabled": "yes"}})";
  const RunResult result = RunMentorbot({"serve", "--config", dir.File("bad.json")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err + result.out, HasSubstr("metrics.enabled: must be true or false"));
}

}  // namespace
}  // namespace mentorbot
