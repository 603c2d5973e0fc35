#include "tests/support/prometheus_text.h"

#include <cmath>
#include <cstdlib>
#include <set>
#include <sstream>
#include <stdexcept>

namespace mentorbot {

namespace {
[[noreturn]] void Fail(int line, const std::string& problem) {
  throw std::runtime_error("line " + std::to_string(line) + ": " + problem);
}

bool ValidName(const std::string& name, bool label) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!label && c == ':');
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

double ParseValue(int line, const std::string& text) {
  if (text == "+Inf") return INFINITY;
  if (text == "-Inf") return -INFINITY;
  if (text == "NaN") return NAN;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || std::isinf(value) || std::isnan(value)) {
    Fail(line, "bad value \"" + text + "\"");
  }
  return value;
}

// Reads `{name="value",...}` starting at text[pos] == '{'; leaves pos after '}'.
PrometheusLabels ParseLabels(int line, const std::string& text, std::size_t& pos) {
  PrometheusLabels labels;
  ++pos;
  while (pos < text.size() && text[pos] != '}') {
    const std::size_t eq = text.find('=', pos);
    if (eq == std::string::npos) Fail(line, "label without =");
    const std::string name = text.substr(pos, eq - pos);
    if (!ValidName(name, /*label=*/true)) Fail(line, "bad label name \"" + name + "\"");
    if (eq + 1 >= text.size() || text[eq + 1] != '"') Fail(line, "label value not quoted");
    std::string value;
    pos = eq + 2;
    for (;; ++pos) {
      if (pos >= text.size()) Fail(line, "unterminated label value");
      const char c = text[pos];
      if (c == '"') break;
      if (c == '\\') {
        if (++pos >= text.size()) Fail(line, "dangling backslash");
        const char e = text[pos];
        if (e == 'n') {
          value += '\n';
        } else if (e == '\\' || e == '"') {
          value += e;
        } else {
          Fail(line, "bad escape in label value");
        }
      } else {
        value += c;
      }
    }
    ++pos;  // the closing quote
    if (!labels.emplace(name, value).second) Fail(line, "label " + name + " twice");
    if (pos < text.size() && text[pos] == ',') ++pos;
    else if (pos >= text.size() || text[pos] != '}') Fail(line, "expected , or } after a label");
  }
  if (pos >= text.size()) Fail(line, "unterminated labels");
  ++pos;
  return labels;
}

PrometheusSample ParseSample(int line, const std::string& text) {
  PrometheusSample sample;
  std::size_t pos = 0;
  while (pos < text.size() && text[pos] != '{' && text[pos] != ' ') ++pos;
  sample.name = text.substr(0, pos);
  if (!ValidName(sample.name, /*label=*/false)) Fail(line, "bad metric name \"" + sample.name + "\"");
  if (pos < text.size() && text[pos] == '{') sample.labels = ParseLabels(line, text, pos);
  if (pos >= text.size() || text[pos] != ' ') Fail(line, "expected one space before the value");
  const std::string value = text.substr(pos + 1);
  if (value.find(' ') != std::string::npos) Fail(line, "extra fields after the value (timestamps are not expected)");
  sample.value = ParseValue(line, value);
  return sample;
}

// Which family a sample name belongs to, given the current family.
bool BelongsTo(const std::string& sample, const std::string& family, const std::string& type) {
  if (type != "histogram") return sample == family;
  return sample == family + "_bucket" || sample == family + "_sum" || sample == family + "_count";
}

void CheckHistogram(const std::string& name, const PrometheusFamily& family) {
  struct Series {
    std::vector<std::pair<double, double>> buckets;  // (le, count) in order
    std::optional<double> count, sum;
  };
  std::map<PrometheusLabels, Series> series;
  for (const auto& sample : family.samples) {
    PrometheusLabels labels = sample.labels;
    if (sample.name == name + "_bucket") {
      const auto le = labels.find("le");
      if (le == labels.end()) throw std::runtime_error(name + ": a bucket without le");
      const double bound = ParseValue(0, le->second);
      labels.erase(le);
      series[labels].buckets.emplace_back(bound, sample.value);
    } else if (sample.name == name + "_count") {
      series[labels].count = sample.value;
    } else {
      series[labels].sum = sample.value;
    }
  }
  for (const auto& [labels, s] : series) {
    if (s.buckets.empty() || !std::isinf(s.buckets.back().first)) throw std::runtime_error(name + ": no +Inf bucket");
    for (std::size_t i = 1; i < s.buckets.size(); ++i) {
      if (!(s.buckets[i].first > s.buckets[i - 1].first)) throw std::runtime_error(name + ": le not ascending");
      if (s.buckets[i].second < s.buckets[i - 1].second) throw std::runtime_error(name + ": buckets not cumulative");
    }
    if (!s.count || *s.count != s.buckets.back().second) throw std::runtime_error(name + ": +Inf bucket != _count");
    if (!s.sum) throw std::runtime_error(name + ": no _sum");
  }
}
}  // namespace

std::map<std::string, PrometheusFamily> ParsePrometheusText(const std::string& text) {
  if (!text.empty() && text.back() != '\n') throw std::runtime_error("the text does not end with a newline");
  std::map<std::string, PrometheusFamily> families;
  std::set<std::string> typed;
  std::string current;  // the family whose samples may follow
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.rfind("# HELP ", 0) == 0) {
      const std::size_t space = line.find(' ', 7);
      const std::string name = line.substr(7, space == std::string::npos ? std::string::npos : space - 7);
      if (!ValidName(name, false)) Fail(number, "bad name in HELP");
      if (families.count(name) != 0) Fail(number, "second HELP for " + name);
      families[name].help = space == std::string::npos ? "" : line.substr(space + 1);
      current = name;
    } else if (line.rfind("# TYPE ", 0) == 0) {
      const std::size_t space = line.find(' ', 7);
      if (space == std::string::npos) Fail(number, "TYPE without a type");
      const std::string name = line.substr(7, space - 7);
      const std::string type = line.substr(space + 1);
      if (name != current || typed.count(name) != 0) Fail(number, "TYPE for " + name + " not right after its HELP");
      if (type != "counter" && type != "gauge" && type != "histogram") Fail(number, "unexpected type " + type);
      families[name].type = type;
      typed.insert(name);
    } else if (line.empty() || line[0] == '#') {
      Fail(number, "unexpected line \"" + line + "\"");
    } else {
      PrometheusSample sample = ParseSample(number, line);
      if (current.empty() || typed.count(current) == 0 || !BelongsTo(sample.name, current, families[current].type)) {
        Fail(number, "sample " + sample.name + " outside its family's HELP/TYPE");
      }
      families[current].samples.push_back(std::move(sample));
    }
  }
  for (const auto& [name, family] : families) {
    if (typed.count(name) == 0) throw std::runtime_error(name + ": HELP without TYPE");
    if (family.type == "histogram") CheckHistogram(name, family);
  }
  return families;
}

std::optional<double> FindSample(const std::map<std::string, PrometheusFamily>& families, const std::string& name,
                                 const PrometheusLabels& labels) {
  auto found = families.find(name);
  for (const char* suffix : {"_bucket", "_sum", "_count"}) {
    const std::string text(suffix);
    if (found == families.end() && name.size() > text.size() && name.ends_with(text)) {
      found = families.find(name.substr(0, name.size() - text.size()));
    }
  }
  if (found == families.end()) return std::nullopt;
  for (const auto& sample : found->second.samples) {
    if (sample.name == name && sample.labels == labels) return sample.value;
  }
  return std::nullopt;
}

}  // namespace mentorbot
