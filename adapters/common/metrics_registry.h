// MetricsRegistry: a small set of counters, gauges and histograms with
// labels, rendered in the Prometheus text exposition format (version 0.0.4)
// for GET /metrics. Families are declared once with their type and help; a
// labelled series appears on its first Add, Set or Observe. Values that live
// elsewhere (the outbox worker's totals, the database size) are copied in
// with Set just before a scrape renders.
//
// Thread-safety: every method may be called from any thread (one mutex; the
// per-request cost is one map look-up under it). Not copyable.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace mentorbot {

class MetricsRegistry {
 public:
  enum class Type { kCounter, kGauge, kHistogram };
  using Labels = std::vector<std::pair<std::string, std::string>>;  // in the order they are written

  // The request-duration buckets, in seconds (+Inf is implied).
  static const std::vector<double>& LatencyBuckets();

  MetricsRegistry() = default;
  MetricsRegistry(const MetricsRegistry&) = delete;
  MetricsRegistry& operator=(const MetricsRegistry&) = delete;

  // REQUIRES: `name` is a valid metric name, declared once; `buckets` (only
  // for histograms) ascending and finite. Families render in declaration order.
  void Declare(const std::string& name, Type type, const std::string& help, std::vector<double> buckets = {});

  // REQUIRES: `name` was declared as a counter; amount >= 0.
  void Add(const std::string& name, const Labels& labels, double amount = 1);
  // A gauge, or a counter whose running total is kept elsewhere.
  void Set(const std::string& name, const Labels& labels, double value);
  // REQUIRES: `name` was declared as a histogram.
  void Observe(const std::string& name, const Labels& labels, double value);

  // Every family: # HELP, # TYPE, then its series sorted by labels.
  std::string Render() const;

 private:
  struct Series {
    double value = 0;                    // counters and gauges
    std::vector<std::uint64_t> buckets;  // histograms: per bucket, not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct Family {
    std::string name;
    Type type = Type::kCounter;
    std::string help;
    std::vector<double> bounds;
    std::map<std::string, Series> series;  // by rendered label text
  };

  // REQUIRES: mutex_ held. Throws std::logic_error for an undeclared name
  // or the wrong type (Set also accepts counters).
  Family& FamilyFor(const std::string& name, Type expected);
  // The series for these labels, created when new. REQUIRES: mutex_ held.
  static Series& SeriesIn(Family& family, const Labels& labels);

  mutable std::mutex mutex_;
  std::vector<Family> families_;
  std::map<std::string, std::size_t> index_;  // name -> position in families_
};

}  // namespace mentorbot
