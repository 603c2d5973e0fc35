// GET /metrics without sockets: the bearer token, the content type, and every
// family parsed strictly with the values from their owners.
#include "bot/app/metrics_endpoint.h"

#include <gtest/gtest.h>

#include "tests/support/engine_harness.h"
#include "tests/support/outbox_rows.h"
#include "tests/support/prometheus_text.h"

namespace mentorbot {
namespace {

class AlwaysDelivers final : public Sender {
 public:
  DeliveryResult Deliver(const OutboundMessage& message) override {
    if (message.key == "doomed") return DeliveryResult::Permanent("user_not_found");
    return DeliveryResult::Delivered();
  }
};

class MetricsEndpointTest : public ::testing::Test {
 protected:
  void Queue(const std::string& key, TimePoint due) {
    ASSERT_TRUE(QueueForSlackUser(bot.store(), key, "U1", due, bot.clock().Now()));
  }
  HttpResponse Scrape(MetricsEndpoint& endpoint, const std::string& authorization = "") {
    HttpRequest request;
    request.method = "GET";
    request.path = "/metrics";
    if (!authorization.empty()) request.headers["authorization"] = authorization;
    RequestLogFields log;
    return endpoint.Handle(request, log);
  }

  EngineHarness bot;
  AlwaysDelivers sender;
  OutboxWorker worker{bot.store(), bot.clock(), {{Platform::kSlack, &sender}}};
};

TEST_F(MetricsEndpointTest, WithATokenOnlyTheRightBearerTokenGetsIn) {
  MetricsEndpoint endpoint(bot.store(), worker, nullptr, "s3cret-token");
  EXPECT_TRUE(endpoint.protected_by_token());
  EXPECT_EQ(Scrape(endpoint).status, 401);
  EXPECT_EQ(Scrape(endpoint, "Bearer wrong").status, 401);
  EXPECT_EQ(Scrape(endpoint, "Bearer s3cret-toke").status, 401);
  EXPECT_EQ(Scrape(endpoint, "Bearer s3cret-token2").status, 401);
  EXPECT_EQ(Scrape(endpoint, "Basic s3cret-token").status, 401);
  EXPECT_EQ(Scrape(endpoint, "s3cret-token").status, 401);
  EXPECT_EQ(Scrape(endpoint, "Bearer s3cret-token").status, 200);
  EXPECT_EQ(Scrape(endpoint, "bearer s3cret-token").status, 200) << "the scheme ignores case";
}

TEST_F(MetricsEndpointTest, WithoutATokenAnyoneGetsIn) {
  MetricsEndpoint endpoint(bot.store(), worker, nullptr, "");
  EXPECT_FALSE(endpoint.protected_by_token());
  EXPECT_EQ(Scrape(endpoint).status, 200);
}

TEST_F(MetricsEndpointTest, ReportsRequestsOutboxDeliveriesLagAndDatabaseSize) {
  MetricsEndpoint endpoint(bot.store(), worker, nullptr, "");
  Queue("hello", bot.clock().Now());
  Queue("doomed", bot.clock().Now());
  Queue("later", bot.clock().Now() + std::chrono::hours(1));
  worker.DeliverDue();
  endpoint.RecordRequest("/slack/commands", 200, 0.002);
  endpoint.RecordRequest("/slack/commands", 200, 0.030);
  endpoint.RecordRequest("/slack/commands", 401, 0.0004);
  endpoint.RecordRequest("other", 404, 0);

  const HttpResponse response = Scrape(endpoint);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/plain; version=0.0.4; charset=utf-8");
  const auto families = ParsePrometheusText(response.body);
  for (const char* name : {"mentorbot_http_requests_total", "mentorbot_http_request_duration_seconds",
                           "mentorbot_outbox_messages", "mentorbot_messages_sent_total",
                           "mentorbot_messages_failed_total", "mentorbot_scheduler_lag_seconds",
                           "mentorbot_database_bytes"}) {
    EXPECT_EQ(families.count(name), 1u) << name << " missing from\n" << response.body;
  }
  const std::string requests = "mentorbot_http_requests_total";
  EXPECT_EQ(FindSample(families, requests, {{"route", "/slack/commands"}, {"status", "200"}}), 2);
  EXPECT_EQ(FindSample(families, requests, {{"route", "/slack/commands"}, {"status", "401"}}), 1);
  EXPECT_EQ(FindSample(families, requests, {{"route", "other"}, {"status", "404"}}), 1);
  const std::string duration = "mentorbot_http_request_duration_seconds";
  EXPECT_EQ(FindSample(families, duration + "_count", {{"route", "/slack/commands"}}), 3);
  EXPECT_EQ(FindSample(families, duration + "_bucket", {{"route", "/slack/commands"}, {"le", "0.0025"}}), 2);
  const std::string outbox = "mentorbot_outbox_messages";
  EXPECT_EQ(FindSample(families, outbox, {{"state", "pending"}}), 1);
  EXPECT_EQ(FindSample(families, outbox, {{"state", "delivered"}}), 1);
  EXPECT_EQ(FindSample(families, outbox, {{"state", "failed"}}), 1);
  EXPECT_EQ(FindSample(families, "mentorbot_messages_sent_total",
                       {{"platform", "slack"}}), 1);
  EXPECT_EQ(FindSample(families, "mentorbot_messages_failed_total",
                       {{"platform", "slack"}}), 1);
  EXPECT_EQ(FindSample(families, "mentorbot_scheduler_lag_seconds", {}), 0);
  const auto bytes = FindSample(families, "mentorbot_database_bytes", {});
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, static_cast<double>(*bot.store().DatabaseBytes()));
  EXPECT_GT(*bytes, 4096) << "the migrated schema fills more than one page";
}

}  // namespace
}  // namespace mentorbot
