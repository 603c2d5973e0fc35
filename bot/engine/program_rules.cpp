#include "bot/engine/program_rules.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <functional>

#include "bot/engine/command_text.h"

namespace mentorbot {

namespace {
constexpr const char* kDefaultGroundRules =
    "1. What is said in a session stays in the pair.\n"
    "2. The mentee sets the agenda ahead of time and drives the relationship.\n"
    "3. Listen to understand, not to answer; disagree with curiosity.\n"
    "4. Off-limits topics are respected, no questions asked.\n"
    "5. Show up: 45 minutes every three weeks; reschedule rather than skip.\n"
    "6. Either of you can pause or end the pairing; tell the program admins if something is wrong.";

using Apply = std::function<std::string(std::string_view, ProgramRules&)>;  // "" or the problem
using Show = std::function<std::string(const ProgramRules&)>;

struct RuleSpec {
  RuleInfo info;
  Apply apply;
  Show show;
};

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

using IntField = std::function<int&(ProgramRules&)>;

RuleSpec IntRule(std::string key, std::string description, IntField field, int min, int max) {
  Apply apply = [=](std::string_view text, ProgramRules& rules) -> std::string {
    auto value = ParseInt(text);
    if (!value || *value < min || *value > max) {
      return "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    }
    field(rules) = *value;
    return "";
  };
  Show show = [field](const ProgramRules& rules) {
    ProgramRules copy = rules;  // the accessor hands out a mutable reference; showing must not change anything
    return std::to_string(field(copy));
  };
  return RuleSpec{{std::move(key), std::move(description)}, apply, show};
}

RuleSpec IntRule(std::string key, std::string description, int ProgramRules::*field, int min, int max) {
  return IntRule(std::move(key), std::move(description), [field](ProgramRules& r) -> int& { return r.*field; }, min, max);
}

// A matcher weight: points a pair earns for one criterion.
RuleSpec WeightRule(std::string criterion, std::string description, int MatchWeights::*field) {
  return IntRule("match_weight_" + criterion, std::move(description),
                 [field](ProgramRules& r) -> int& { return r.match.*field; }, 0, 100);
}

std::string ApplyLevelGap(std::string_view text, ProgramRules& rules) {
  const std::string problem = "must be a range of level differences like 2-8 (mentee level minus mentor level)";
  const auto dash = text.find('-', 1);
  if (dash == std::string_view::npos) return problem;
  auto low = ParseInt(Trim(text.substr(0, dash)));
  auto high = ParseInt(Trim(text.substr(dash + 1)));
  if (!low || !high || *low < 0 || *high < *low || *high > 98) return problem;
  rules.match.min_level_gap = *low;
  rules.match.max_level_gap = *high;
  return "";
}

std::optional<int> ParseClock(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto hours = ParseInt(text.substr(0, colon));
  auto minutes = ParseInt(text.substr(colon + 1));
  if (!hours || !minutes || *hours < 0 || *hours > 23 || *minutes < 0 || *minutes > 59 ||
      text.size() - colon - 1 != 2) {
    return std::nullopt;
  }
  return *hours * 60 + *minutes;
}

// "20:00-08:00" -> (start, end) minutes of the day.
std::optional<std::pair<int, int>> ParseClockRange(std::string_view text) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto start = ParseClock(Trim(text.substr(0, dash)));
  auto end = ParseClock(Trim(text.substr(dash + 1)));
  if (!start || !end) return std::nullopt;
  return std::pair{*start, *end};
}

std::string ShowClock(int minute) {
  const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return two(minute / 60) + ":" + two(minute % 60);
}

constexpr std::string_view kDayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::optional<int> DayIndex(std::string_view name) {
  const std::string lower = ToLower(Trim(name)).substr(0, 3);
  for (int i = 0; i < 7; ++i) {
    if (kDayNames[i] == lower) return i;
  }
  return std::nullopt;
}

std::string ApplyWorkDays(std::string_view text, ProgramRules& rules) {
  const std::string problem = "must be days like mon-fri or mon,tue,thu";
  std::vector<bool> days(7, false);
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view part = Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto dash = part.find('-');
    auto first = DayIndex(part.substr(0, dash));
    auto last = dash == std::string_view::npos ? first : DayIndex(part.substr(dash + 1));
    if (!first || !last) return problem;
    for (int day = *first;; day = (day + 1) % 7) {
      days[static_cast<std::size_t>(day)] = true;
      if (day == *last) break;
    }
  }
  if (std::find(days.begin(), days.end(), true) == days.end()) return problem;
  rules.work_days = days;
  return "";
}

std::string ShowWorkDays(const ProgramRules& rules) {
  std::string out;
  for (int i = 1; i <= 7; ++i) {
    if (rules.work_days[static_cast<std::size_t>(i % 7)]) out += (out.empty() ? "" : ",") + std::string(kDayNames[i % 7]);
  }
  return out;
}

std::string ApplyReminders(std::string_view text, ProgramRules& rules) {
  std::vector<int> hours;
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    auto value = ParseInt(Trim(rest.substr(0, comma)));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (!value || *value < 1 || *value > 336) return "must be hours before a session from 1 to 336, like 24,1";
    hours.push_back(*value);
  }
  if (hours.empty() || hours.size() > 4) return "must list one to four lead times, like 24,1";
  std::sort(hours.rbegin(), hours.rend());
  hours.erase(std::unique(hours.begin(), hours.end()), hours.end());
  rules.reminder_hours = hours;
  return "";
}

const std::vector<RuleSpec>& Specs() {
  static const std::vector<RuleSpec> specs = [] {
    std::vector<RuleSpec> s;
    s.push_back(IntRule("cadence_days", "days between sessions", &ProgramRules::cadence_days, 7, 90));
    s.push_back(IntRule("session_minutes", "length of a session", &ProgramRules::session_minutes, 15, 180));
    s.push_back(IntRule("target_sessions", "sessions each pair aims to hold", &ProgramRules::target_sessions, 1, 50));
    s.push_back(IntRule("kickoff_schedule_days", "days a new pair has to schedule its first session",
                        &ProgramRules::kickoff_schedule_days, 1, 60));
    s.push_back(IntRule("agenda_nudge_hours", "hours before a session without agenda that the mentee is asked",
                        &ProgramRules::agenda_nudge_hours, 1, 336));
    s.push_back(RuleSpec{{"reminder_hours", "hours before a session that both are reminded, e.g. 24,1"},
                         ApplyReminders, [](const ProgramRules& r) {
                           std::string out;
                           for (int h : r.reminder_hours) out += (out.empty() ? "" : ",") + std::to_string(h);
                           return out;
                         }});
    s.push_back(IntRule("takeaways_nudge_hours", "hours after a session that missing takeaways are asked for",
                        &ProgramRules::takeaways_nudge_hours, 1, 72));
    s.push_back(IntRule("takeaways_second_nudge_days", "days after that the second takeaways nudge goes out",
                        &ProgramRules::takeaways_second_nudge_days, 1, 14));
    s.push_back(IntRule("stall_grace_days", "days past the cadence before a pair counts as stalled",
                        &ProgramRules::stall_grace_days, 0, 60));
    s.push_back(IntRule("escalate_after_nudges", "unanswered stall nudges before the admins are told",
                        &ProgramRules::escalate_after_nudges, 1, 10));
    s.push_back(RuleSpec{{"quiet_hours", "local hours with no messages, e.g. 20:00-08:00, or off"},
                         [](std::string_view text, ProgramRules& r) -> std::string {
                           if (ToLower(Trim(text)) == "off") {
                             r.quiet_start_minute = r.quiet_end_minute = 0;
                             return "";
                           }
                           auto range = ParseClockRange(text);
                           if (!range) return "must be HH:MM-HH:MM (24 h), e.g. 20:00-08:00, or off";
                           std::tie(r.quiet_start_minute, r.quiet_end_minute) = *range;
                           return "";
                         },
                         [](const ProgramRules& r) {
                           return r.quiet_start_minute == r.quiet_end_minute
                                      ? std::string("off")
                                      : ShowClock(r.quiet_start_minute) + "-" + ShowClock(r.quiet_end_minute);
                         }});
    s.push_back(RuleSpec{{"work_days", "days messages may be sent and sessions suggested, e.g. mon-fri"},
                         ApplyWorkDays, ShowWorkDays});
    s.push_back(RuleSpec{{"working_hours", "local hours sessions are suggested in, e.g. 09:00-17:00"},
                         [](std::string_view text, ProgramRules& r) -> std::string {
                           auto range = ParseClockRange(text);
                           if (!range || range->first >= range->second) {
                             return "must be HH:MM-HH:MM (24 h) within one day, e.g. 09:00-17:00";
                           }
                           std::tie(r.work_start_minute, r.work_end_minute) = *range;
                           return "";
                         },
                         [](const ProgramRules& r) {
                           return ShowClock(r.work_start_minute) + "-" + ShowClock(r.work_end_minute);
                         }});
    s.push_back(RuleSpec{{"ground_rules", "the ground rules shown at kickoff and by `rules`"},
                         [](std::string_view text, ProgramRules& r) -> std::string {
                           if (Trim(text).empty() || text.size() > 2500) return "must be 1 to 2500 characters";
                           r.ground_rules = std::string(Trim(text));
                           return "";
                         },
                         [](const ProgramRules& r) { return r.ground_rules; }});
    s.push_back(RuleSpec{{"admin_channel", "channel id where escalations and digests go, or none"},
                         [](std::string_view text, ProgramRules& r) -> std::string {
                           std::string value(Trim(text));
                           if (ToLower(value) == "none") value.clear();
                           if (value.size() > 200 || value.find(' ') != std::string::npos) return "must be one channel id";
                           // Slack escapes a channel as <#C123|name>: keep the id.
                           if (value.size() > 3 && value.rfind("<#", 0) == 0 && value.back() == '>') {
                             value = value.substr(2, value.find_first_of("|>") - 2);
                           }
                           r.admin_channel = value;
                           return "";
                         },
                         [](const ProgramRules& r) { return r.admin_channel.empty() ? std::string("none") : r.admin_channel; }});
    s.push_back(IntRule("min_group_size", "smallest group a report breaks figures down by",
                        &ProgramRules::min_group_size, 2, 50));
    s.push_back(IntRule("max_pause_days", "longest pause a pair can take at once", &ProgramRules::max_pause_days, 1, 365));
    s.push_back(WeightRule("department", "matching: points for a pair from different departments",
                           &MatchWeights::department));
    s.push_back(WeightRule("location", "matching: points for a pair from different locations", &MatchWeights::location));
    s.push_back(WeightRule("level", "matching: points for a level gap inside match_level_gap", &MatchWeights::level));
    s.push_back(WeightRule("background", "matching: points for different self-described backgrounds",
                           &MatchWeights::background));
    s.push_back(WeightRule("time_zone", "matching: points for 4+ shared working hours (half for 1-4)",
                           &MatchWeights::time_zone));
    for (std::size_t i = 0; i < ProgramRules{}.pulse_questions.size(); ++i) {
      s.push_back(RuleSpec{{"pulse_question_" + std::to_string(i + 1),
                            "pulse survey statement " + std::to_string(i + 1) + ", rated 1-5 at kickoff and after the target"},
                           [i](std::string_view text, ProgramRules& r) -> std::string {
                             if (Trim(text).empty() || text.size() > 300) return "must be 1 to 300 characters";
                             r.pulse_questions[i] = std::string(Trim(text));
                             return "";
                           },
                           [i](const ProgramRules& r) { return r.pulse_questions[i]; }});
    }
    s.push_back(RuleSpec{{"match_level_gap", "matching: mentee level minus mentor level that earns points, e.g. 2-8"},
                         ApplyLevelGap, [](const ProgramRules& r) {
                           return std::to_string(r.match.min_level_gap) + "-" + std::to_string(r.match.max_level_gap);
                         }});
    return s;
  }();
  return specs;
}

const RuleSpec* FindSpec(std::string_view key) {
  for (const auto& spec : Specs()) {
    if (spec.info.key == key) return &spec;
  }
  return nullptr;
}
}  // namespace

bool InQuietHours(int minute_of_day, const ProgramRules& rules) {
  const int start = rules.quiet_start_minute, end = rules.quiet_end_minute;
  if (start == end) return false;
  return start < end ? (minute_of_day >= start && minute_of_day < end)
                     : (minute_of_day >= start || minute_of_day < end);
}

const std::vector<RuleInfo>& AllRules() {
  static const std::vector<RuleInfo> infos = [] {
    std::vector<RuleInfo> out;
    for (const auto& spec : Specs()) out.push_back(spec.info);
    return out;
  }();
  return infos;
}

ProgramRules LoadRules(ProgramRepository& program) {
  ProgramRules rules;
  rules.ground_rules = kDefaultGroundRules;
  const auto stored = program.AllSettings();
  for (const auto& spec : Specs()) {
    auto value = stored.find(spec.info.key);
    if (value == stored.end()) continue;
    ProgramRules candidate = rules;
    if (spec.apply(value->second, candidate).empty()) rules = std::move(candidate);
  }
  return rules;
}

std::string RuleValue(const ProgramRules& rules, std::string_view key) {
  const RuleSpec* spec = FindSpec(key);
  return spec == nullptr ? std::string() : spec->show(rules);
}

Status SetRule(ProgramRepository& program, std::string_view key, std::string_view value) {
  const RuleSpec* spec = FindSpec(ToLower(key));
  if (spec == nullptr) return Status::NotFound("there is no setting " + std::string(key));
  ProgramRules scratch;
  if (std::string problem = spec->apply(Trim(value), scratch); !problem.empty()) {
    return Status::InvalidArgument(spec->info.key + " " + problem);
  }
  program.SetSetting(spec->info.key, std::string(Trim(value)));
  return Status::Ok();
}

}  // namespace mentorbot
