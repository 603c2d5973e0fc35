#include "bot/engine/reporting/program_report.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>
#include <sstream>
#include <unordered_map>

#include <date/date.h>

namespace mentorbot {

namespace {
using std::chrono::days;

double Ratio(int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double DaysBetween(TimePoint from, TimePoint to) {
  return std::chrono::duration<double>(to - from).count() / 86400.0;
}

struct PairHistory {
  Pair pair;
  std::vector<Session> held;  // by start
};

// Sessions a pair was expected to hold by now: one per cadence since it
// began (until it ended), at most the target.
int Expected(const Pair& pair, const ProgramRules& rules, TimePoint now) {
  const TimePoint until = pair.ended_at ? std::min(*pair.ended_at, now) : now;
  const auto elapsed = std::chrono::duration_cast<days>(until - pair.created_at).count();
  return std::clamp(static_cast<int>(elapsed / rules.cadence_days), 0, rules.target_sessions);
}

std::string LevelBand(const std::optional<int>& level) {
  if (!level) return "level not given";
  const int low = (*level - 1) / 3 * 3 + 1;
  return "level " + std::to_string(low) + "-" + std::to_string(low + 2);
}

std::string Cohort(TimePoint joined) {
  const auto day = date::year_month_day(date::floor<days>(joined));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()));
  return std::string("joined ") + text;
}

Breakdown BreakDown(const std::string& by, const std::vector<Person>& people,
                    const std::function<std::string(const Person&)>& group_of,
                    const std::unordered_map<std::int64_t, int>& held_by_person,
                    const std::set<std::int64_t>& paired_now, int min_group_size) {
  std::map<std::string, GroupFigures> groups;
  for (const Person& person : people) {
    GroupFigures& group = groups[group_of(person)];
    group.group = group_of(person);
    ++group.people;
    group.paired += paired_now.count(person.id);
    auto held = held_by_person.find(person.id);
    group.mean_sessions += held == held_by_person.end() ? 0 : held->second;
  }
  Breakdown breakdown{by, {}, 0};
  for (auto& [name, group] : groups) {
    if (group.people < min_group_size) {
      ++breakdown.hidden;
      continue;
    }
    group.mean_sessions /= group.people;
    breakdown.groups.push_back(group);
  }
  return breakdown;
}
}  // namespace

ProgramReport ComputeProgramReport(StoreTransaction& store, const ProgramRules& rules, TimePoint now) {
  ProgramReport report;
  ReportFigures& f = report.figures;
  const std::vector<Person> everyone = store.people().ListAll();
  std::unordered_map<std::int64_t, const Person*> by_id;
  std::vector<Person> active;
  for (const Person& person : everyone) {
    by_id[person.id] = &person;
    if (person.active()) active.push_back(person);
  }
  f["mentors"] = static_cast<double>(std::count_if(active.begin(), active.end(), [](const Person& p) { return p.role == Role::kMentor; }));
  f["mentees"] = static_cast<double>(active.size()) - f["mentors"];

  std::map<std::int64_t, PairHistory> pairs;
  for (const Pair& pair : store.pairs().ListAll()) pairs[pair.id] = PairHistory{pair, {}};
  int held = 0, with_takeaways = 0, scheduled = 0, with_agenda = 0;
  for (const Session& session : store.sessions().ListAll()) {
    if (session.state != SessionState::kHeld) continue;
    ++held;
    with_takeaways += !session.takeaways.empty();
    if (session.scheduled) {
      ++scheduled;
      with_agenda += session.agenda_set_at && *session.agenda_set_at <= session.starts_at;
    }
    if (auto pair = pairs.find(session.pair_id); pair != pairs.end()) pair->second.held.push_back(session);
  }
  int active_pairs = 0, paused = 0, ended = 0, on_track = 0, reached = 0, expected = 0;
  std::vector<double> gaps;
  std::unordered_map<std::int64_t, int> held_by_person;
  std::set<std::int64_t> paired_now;
  for (auto& [id, history] : pairs) {
    const Pair& pair = history.pair;
    const int count = static_cast<int>(history.held.size());
    expected += Expected(pair, rules, now);
    reached += count >= rules.target_sessions;
    for (std::size_t i = 1; i < history.held.size(); ++i) {
      gaps.push_back(DaysBetween(history.held[i - 1].starts_at, history.held[i].starts_at));
    }
    held_by_person[pair.mentor_id] += count;
    held_by_person[pair.mentee_id] += count;
    if (!pair.open()) {
      ++ended;
      continue;
    }
    paired_now.insert(pair.mentor_id);
    paired_now.insert(pair.mentee_id);
    const bool is_paused = pair.state == PairState::kPaused && (!pair.paused_until || *pair.paused_until > now);
    if (is_paused) {
      ++paused;
      continue;
    }
    ++active_pairs;
    const TimePoint last = history.held.empty() ? pair.created_at : std::max(pair.created_at, history.held.back().starts_at);
    const bool open_session = store.sessions().OpenSessionOf(pair.id).has_value();
    on_track += open_session || now - last <= days(rules.cadence_days);
  }
  f["pairs_active"] = active_pairs;
  f["pairs_paused"] = paused;
  f["pairs_ended"] = ended;
  f["pairs_on_track"] = on_track;
  f["pairs_reached_target"] = reached;
  f["sessions_held"] = held;
  f["sessions_expected"] = expected;
  f["median_days_between_sessions"] = Median(gaps);
  f["takeaway_rate"] = Ratio(with_takeaways, held);
  f["agenda_rate"] = Ratio(with_agenda, scheduled);

  double rating_sum[2] = {0, 0};
  int ratings[2] = {0, 0};
  for (const Feedback& feedback : store.sessions().ListFeedback()) {
    auto rater = by_id.find(feedback.person_id);
    if (rater == by_id.end()) continue;
    const int role = rater->second->role == Role::kMentor ? 0 : 1;
    rating_sum[role] += feedback.rating;
    ++ratings[role];
  }
  f["mean_feedback_mentors"] = ratings[0] ? rating_sum[0] / ratings[0] : 0;
  f["mean_feedback_mentees"] = ratings[1] ? rating_sum[1] / ratings[1] : 0;

  // Left early: left the program before any pair of theirs reached the target.
  int left_early = 0;
  for (const Person& person : everyone) {
    if (person.active()) continue;
    int best = 0;
    for (const auto& [id, history] : pairs) {
      if (history.pair.Has(person.id)) best = std::max(best, static_cast<int>(history.held.size()));
    }
    left_early += best < rules.target_sessions;
  }
  f["left_early"] = left_early;
  f["retention"] = everyone.empty() ? 0 : 1.0 - Ratio(left_early, static_cast<int>(everyone.size()));
  f["sessions_not_in_calendars"] = store.calendar().CountGaveUp();

  std::vector<double> sums_before(rules.pulse_questions.size()), sums_after(rules.pulse_questions.size());
  report.pulse.resize(rules.pulse_questions.size());
  for (std::size_t i = 0; i < rules.pulse_questions.size(); ++i) report.pulse[i].statement = rules.pulse_questions[i];
  for (const PulseAnswer& answer : store.surveys().ListAnswers()) {
    if (answer.question < 1 || answer.question > static_cast<int>(report.pulse.size())) continue;
    const std::size_t q = static_cast<std::size_t>(answer.question - 1);
    if (answer.phase == "pre") {
      sums_before[q] += answer.rating;
      ++report.pulse[q].answers_before;
    } else {
      sums_after[q] += answer.rating;
      ++report.pulse[q].answers_after;
    }
  }
  for (std::size_t q = 0; q < report.pulse.size(); ++q) {
    PulseShift& shift = report.pulse[q];
    if (shift.answers_before) shift.before = sums_before[q] / shift.answers_before;
    if (shift.answers_after) shift.after = sums_after[q] / shift.answers_after;
  }

  report.breakdowns.push_back(BreakDown("department", active,
                                        [](const Person& p) { return p.profile.department.empty() ? std::string("department not given") : p.profile.department; },
                                        held_by_person, paired_now, rules.min_group_size));
  report.breakdowns.push_back(BreakDown("level", active, [](const Person& p) { return LevelBand(p.profile.level); },
                                        held_by_person, paired_now, rules.min_group_size));
  report.breakdowns.push_back(BreakDown("cohort", active, [](const Person& p) { return Cohort(p.joined_at); },
                                        held_by_person, paired_now, rules.min_group_size));
  return report;
}

std::string EncodeFigures(const ReportFigures& figures) {
  std::ostringstream out;
  out.precision(17);
  for (const auto& [name, value] : figures) out << name << '=' << value << '\n';
  return out.str();
}

ReportFigures DecodeFigures(const std::string& text) {
  ReportFigures figures;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto equals = line.find('=');
    if (equals == std::string::npos) continue;
    try {
      figures[line.substr(0, equals)] = std::stod(line.substr(equals + 1));
    } catch (const std::exception&) {
      // a damaged line only loses its own comparison
    }
  }
  return figures;
}

}  // namespace mentorbot
