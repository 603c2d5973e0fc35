// A strict reader of the Prometheus text exposition format (0.0.4), for
// tests: anything a scraper could misread is an error, so a test that parses
// the bot's /metrics output proves it well-formed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mentorbot {

using PrometheusLabels = std::map<std::string, std::string>;

struct PrometheusSample {
  std::string name;  // with _bucket/_sum/_count for histograms
  PrometheusLabels labels;
  double value = 0;
};

struct PrometheusFamily {
  std::string help;
  std::string type;  // counter, gauge or histogram
  std::vector<PrometheusSample> samples;
};

// Throws std::runtime_error naming the line and the problem unless: every
// line is `# HELP name text`, `# TYPE name type` or `name{label="value",...}
// value`; each family has HELP then TYPE, once, before its samples, and its
// samples follow without another family in between; names and label names
// are valid, label values properly escaped; the text ends with a newline;
// and in a histogram, per label set, the `le` buckets ascend, their counts are
// cumulative, the last is +Inf and equals _count, and _sum is present.
std::map<std::string, PrometheusFamily> ParsePrometheusText(const std::string& text);

// The value of the sample `name` with exactly `labels` (a histogram's
// `x_bucket`, `x_sum` and `x_count` are found in family `x`).
std::optional<double> FindSample(const std::map<std::string, PrometheusFamily>& families, const std::string& name,
                                 const PrometheusLabels& labels);

}  // namespace mentorbot
