#include "adapters/common/metrics_registry.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace mentorbot {

namespace {
// Shortest text that reads back as the same double; Prometheus spells
// infinity "+Inf".
std::string FormatValue(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// Label values escape backslash, double quote and line feed; help text
// escapes backslash and line feed.
std::string Escape(const std::string& text, bool quotes) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quotes) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

// `name="value",...` without braces.
std::string LabelText(const MetricsRegistry::Labels& labels) {
  std::string text;
  for (const auto& [name, value] : labels) {
    if (!text.empty()) text += ',';
    text += name + "=\"" + Escape(value, /*quotes=*/true) + "\"";
  }
  return text;
}

std::string Braced(const std::string& label_text) { return label_text.empty() ? "" : "{" + label_text + "}"; }

std::string WithLe(const std::string& label_text, const std::string& le) {
  return "{" + label_text + (label_text.empty() ? "" : ",") + "le=\"" + le + "\"}";
}

const char* TypeName(MetricsRegistry::Type type) {
  switch (type) {
    case MetricsRegistry::Type::kCounter: return "counter";
    case MetricsRegistry::Type::kGauge: return "gauge";
    case MetricsRegistry::Type::kHistogram: return "histogram";
  }
  return "untyped";
}
}  // namespace

const std::vector<double>& MetricsRegistry::LatencyBuckets() {
  static const std::vector<double> buckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  return buckets;
}

void MetricsRegistry::Declare(const std::string& name, Type type, const std::string& help,
                              std::vector<double> buckets) {
  std::lock_guard lock(mutex_);
  if (index_.count(name) != 0) throw std::logic_error("metric declared twice: " + name);
  index_[name] = families_.size();
  families_.push_back(Family{name, type, help, std::move(buckets), {}});
}

MetricsRegistry::Family& MetricsRegistry::FamilyFor(const std::string& name, Type expected) {
  const auto found = index_.find(name);
  // A misspelt or mistyped metric is a programming error, not a runtime condition.
  if (found == index_.end()) throw std::logic_error("metric not declared: " + name);
  Family& family = families_[found->second];
  const bool mirrored_counter = expected == Type::kGauge && family.type == Type::kCounter;
  if (family.type != expected && !mirrored_counter) {
    throw std::logic_error("metric " + name + " is a " + TypeName(family.type));
  }
  return family;
}

MetricsRegistry::Series& MetricsRegistry::SeriesIn(Family& family, const Labels& labels) {
  Series& series = family.series[LabelText(labels)];
  if (family.type == Type::kHistogram && series.buckets.empty()) series.buckets.assign(family.bounds.size(), 0);
  return series;
}

void MetricsRegistry::Add(const std::string& name, const Labels& labels, double amount) {
  std::lock_guard lock(mutex_);
  SeriesIn(FamilyFor(name, Type::kCounter), labels).value += amount;
}

void MetricsRegistry::Set(const std::string& name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  SeriesIn(FamilyFor(name, Type::kGauge), labels).value = value;
}

void MetricsRegistry::Observe(const std::string& name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  Family& family = FamilyFor(name, Type::kHistogram);
  Series& series = SeriesIn(family, labels);
  for (std::size_t i = 0; i < family.bounds.size(); ++i) {
    if (value <= family.bounds[i]) {
      ++series.buckets[i];
      break;
    }
  }
  ++series.count;  // a value above the last bound is counted only in +Inf
  series.sum += value;
}

std::string MetricsRegistry::Render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const Family& family : families_) {
    out += "# HELP " + family.name + " " + Escape(family.help, /*quotes=*/false) + "\n";
    out += "# TYPE " + family.name + " " + TypeName(family.type) + "\n";
    for (const auto& [labels, series] : family.series) {
      if (family.type != Type::kHistogram) {
        out += family.name + Braced(labels) + " " + FormatValue(series.value) + "\n";
        continue;
      }
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < family.bounds.size(); ++i) {
        cumulative += series.buckets[i];
        out += family.name + "_bucket" + WithLe(labels, FormatValue(family.bounds[i])) + " " +
               std::to_string(cumulative) + "\n";
      }
      out += family.name + "_bucket" + WithLe(labels, "+Inf") + " " + std::to_string(series.count) + "\n";
      out += family.name + "_sum" + Braced(labels) + " " + FormatValue(series.sum) + "\n";
      out += family.name + "_count" + Braced(labels) + " " + std::to_string(series.count) + "\n";
    }
  }
  return out;
}

}  // namespace mentorbot
