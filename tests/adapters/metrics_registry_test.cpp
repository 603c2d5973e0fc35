// MetricsRegistry's Prometheus text, read back with a strict parser; and the
// parser itself refusing what a scraper would misread.
#include "adapters/common/metrics_registry.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "tests/support/prometheus_text.h"

namespace mentorbot {
namespace {

using Type = MetricsRegistry::Type;

TEST(MetricsRegistryTest, EveryFamilyHasHelpAndTypeAndTheTextParses) {
  MetricsRegistry registry;
  registry.Declare("x_requests_total", Type::kCounter, "Requests.");
  registry.Declare("x_queue", Type::kGauge, "Queue length.");
  registry.Declare("x_latency_seconds", Type::kHistogram, "Latency.", MetricsRegistry::LatencyBuckets());
  registry.Add("x_requests_total", {{"route", "/a"}, {"status", "200"}});
  registry.Add("x_requests_total", {{"route", "/a"}, {"status", "200"}}, 2);
  registry.Set("x_queue", {}, 7);
  registry.Observe("x_latency_seconds", {{"route", "/a"}}, 0.003);

  const std::string text = registry.Render();
  const auto families = ParsePrometheusText(text);
  ASSERT_EQ(families.size(), 3u) << text;
  EXPECT_EQ(families.at("x_requests_total").type, "counter");
  EXPECT_EQ(families.at("x_requests_total").help, "Requests.");
  EXPECT_EQ(families.at("x_queue").type, "gauge");
  EXPECT_EQ(families.at("x_latency_seconds").type, "histogram");
  EXPECT_EQ(FindSample(families, "x_requests_total", {{"route", "/a"}, {"status", "200"}}), 3);
  EXPECT_EQ(FindSample(families, "x_queue", {}), 7);
  EXPECT_NE(text.find("x_queue 7\n"), std::string::npos) << "no braces without labels";
  EXPECT_NE(text.find("x_requests_total{route=\"/a\",status=\"200\"} 3\n"), std::string::npos) << text;
}

TEST(MetricsRegistryTest, HistogramBucketsAreCumulativeAndEndWithInfEqualToCount) {
  MetricsRegistry registry;
  registry.Declare("h_seconds", Type::kHistogram, "H.", {0.01, 0.1, 1});
  for (double value : {0.005, 0.01, 0.05, 0.5, 3.0}) registry.Observe("h_seconds", {{"route", "/r"}}, value);
  const auto families = ParsePrometheusText(registry.Render());
  const PrometheusLabels route = {{"route", "/r"}};
  auto bucket = [&](const std::string& le) {
    PrometheusLabels labels = route;
    labels["le"] = le;
    return FindSample(families, "h_seconds_bucket", labels);
  };
  EXPECT_EQ(bucket("0.01"), 2) << "a value equal to a bound is in that bucket";
  EXPECT_EQ(bucket("0.1"), 3);
  EXPECT_EQ(bucket("1"), 4);
  EXPECT_EQ(bucket("+Inf"), 5) << "3.0 is above every bound";
  EXPECT_EQ(FindSample(families, "h_seconds_count", route), 5);
  EXPECT_NEAR(*FindSample(families, "h_seconds_sum", route), 3.565, 1e-9);
}

TEST(MetricsRegistryTest, TheLatencyBucketsAreTheDocumentedOnes) {
  MetricsRegistry registry;
  registry.Declare("d_seconds", Type::kHistogram, "D.", MetricsRegistry::LatencyBuckets());
  registry.Observe("d_seconds", {}, 0.2);
  const std::string text = registry.Render();
  for (const char* le : {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"}) {
    EXPECT_NE(text.find("d_seconds_bucket{le=\"" + std::string(le) + "\"}"), std::string::npos) << le;
  }
}

TEST(MetricsRegistryTest, LabelValuesAndHelpAreEscaped) {
  MetricsRegistry registry;
  registry.Declare("e_total", Type::kCounter, "Help with \\ and\na line feed.");
  registry.Add("e_total", {{"path", "a\"b\\c\nd"}});
  const std::string text = registry.Render();
  EXPECT_NE(text.find("# HELP e_total Help with \\\\ and\\na line feed.\n"), std::string::npos) << text;
  const auto families = ParsePrometheusText(text);
  EXPECT_EQ(FindSample(families, "e_total", {{"path", "a\"b\\c\nd"}}), 1);
}

TEST(MetricsRegistryTest, MisuseIsAProgrammingError) {
  MetricsRegistry registry;
  registry.Declare("c_total", Type::kCounter, "C.");
  EXPECT_THROW(registry.Declare("c_total", Type::kGauge, "again"), std::logic_error);
  EXPECT_THROW(registry.Add("nope_total", {}), std::logic_error);
  EXPECT_THROW(registry.Observe("c_total", {}, 1), std::logic_error);
  registry.Set("c_total", {}, 41);  // a counter whose total is kept elsewhere
  registry.Add("c_total", {});
  EXPECT_EQ(FindSample(ParsePrometheusText(registry.Render()), "c_total", {}), 42);
}

TEST(MetricsRegistryTest, ConcurrentUpdatesAreAllCounted) {
  MetricsRegistry registry;
  registry.Declare("t_total", Type::kCounter, "T.");
  registry.Declare("t_seconds", Type::kHistogram, "T.", {0.5});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        registry.Add("t_total", {{"route", "/x"}});
        registry.Observe("t_seconds", {}, 0.1);
        if (i % 100 == 0) registry.Render();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const auto families = ParsePrometheusText(registry.Render());
  EXPECT_EQ(FindSample(families, "t_total", {{"route", "/x"}}), 4000);
  EXPECT_EQ(FindSample(families, "t_seconds_count", {}), 4000);
}

TEST(PrometheusTextParserTest, RefusesWhatAScraperWouldMisread) {
  const std::string good = "# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"1\"} 2\n";
  EXPECT_NO_THROW(ParsePrometheusText(good));
  EXPECT_THROW(ParsePrometheusText("# HELP a_total A.\na_total 2\n"), std::runtime_error) << "no TYPE";
  EXPECT_THROW(ParsePrometheusText("a_total 2\n"), std::runtime_error) << "no HELP";
  EXPECT_THROW(ParsePrometheusText(good.substr(0, good.size() - 1)), std::runtime_error) << "no final newline";
  EXPECT_THROW(ParsePrometheusText("# HELP a_total A.\n# TYPE a_total counter\na_total{x=1} 2\n"), std::runtime_error);
  EXPECT_THROW(ParsePrometheusText("# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"\\t\"} 2\n"),
               std::runtime_error);
  EXPECT_THROW(ParsePrometheusText("# HELP a_total A.\n# TYPE a_total counter\na_total two\n"), std::runtime_error);
  EXPECT_THROW(ParsePrometheusText("# HELP a_total A.\n# TYPE a_total counter\nb_total 1\n"), std::runtime_error);
  const std::string histogram = "# HELP h H.\n# TYPE h histogram\n";
  EXPECT_NO_THROW(ParsePrometheusText(histogram + "h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n"));
  EXPECT_THROW(ParsePrometheusText(histogram + "h_bucket{le=\"1\"} 3\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n"),
               std::runtime_error)
      << "not cumulative";
  EXPECT_THROW(ParsePrometheusText(histogram + "h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 3\n"),
               std::runtime_error)
      << "+Inf != _count";
  EXPECT_THROW(ParsePrometheusText(histogram + "h_bucket{le=\"1\"} 1\nh_sum 3\nh_count 1\n"), std::runtime_error)
      << "no +Inf";
}

}  // namespace
}  // namespace mentorbot
