// admin report: is the program working? The figures of ProgramReport, each
// with its change since the previous report (kept in the program settings).
#include <cmath>
#include <cstdio>

#include "bot/engine/admin_commands.h"
#include "bot/engine/command_text.h"
#include "bot/engine/notifications.h"
#include "bot/engine/program_report.h"
#include "bot/engine/time_zone.h"

namespace mentorbot {

namespace {
constexpr const char* kLastFiguresKey = "report.last_figures";
constexpr const char* kLastAtKey = "report.last_at";

std::string Number(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string Percent(double ratio) { return Number(ratio * 100, 0) + "%"; }

class ReportWriter {
 public:
  ReportWriter(const ReportFigures& now, const ReportFigures& before) : now_(now), before_(before) {}

  // The figure and, when there was an earlier report, its change: "12 (+2)".
  std::string Show(const std::string& name, int decimals = 0, bool percent = false) const {
    const double value = At(now_, name);
    std::string text = percent ? Percent(value) : Number(value, decimals);
    auto earlier = before_.find(name);
    if (earlier == before_.end()) return text;
    const double change = value - earlier->second;
    const double shown = percent ? change * 100 : change;
    const std::string amount = Number(std::fabs(shown), percent ? 0 : decimals);
    if (amount == Number(0, percent ? 0 : decimals)) return text + " (±0)";
    return text + " (" + (change > 0 ? "+" : "−") + amount + (percent ? " pts" : "") + ")";
  }

 private:
  static double At(const ReportFigures& figures, const std::string& name) {
    auto it = figures.find(name);
    return it == figures.end() ? 0 : it->second;
  }
  const ReportFigures& now_;
  const ReportFigures& before_;
};

Section Figures(const ReportWriter& w, const ProgramRules& rules, const RichText& headline) {
  Section section{headline, {}, {}};
  auto add = [&section](std::string label, std::string value) {
    section.fields.push_back(Field{std::move(label), RichText(std::move(value))});
  };
  add("Mentors / mentees", w.Show("mentors") + " / " + w.Show("mentees"));
  add("Pairs active / paused / ended", w.Show("pairs_active") + " / " + w.Show("pairs_paused") + " / " + w.Show("pairs_ended"));
  add("Pairs on track", w.Show("pairs_on_track") + " of " + w.Show("pairs_active") + " active");
  add("Sessions held / expected by now", w.Show("sessions_held") + " / " + w.Show("sessions_expected"));
  add("Pairs that reached " + std::to_string(rules.target_sessions), w.Show("pairs_reached_target"));
  add("Median days between sessions", w.Show("median_days_between_sessions", 1));
  add("Takeaways written", w.Show("takeaway_rate", 0, true) + " of held sessions");
  add("Agenda set ahead", w.Show("agenda_rate", 0, true) + " of scheduled sessions");
  add("Mean feedback (1-5)", "mentors " + w.Show("mean_feedback_mentors", 1) + ", mentees " + w.Show("mean_feedback_mentees", 1));
  add("Left early / retention", w.Show("left_early") + " / " + w.Show("retention", 0, true));
  return section;
}

Section Pulse(const std::vector<PulseShift>& pulse) {
  RichText text = RichText().Bold("Pulse survey").Text(" (mean agreement 1-5, at kickoff → after the target):");
  for (std::size_t i = 0; i < pulse.size(); ++i) {
    const PulseShift& q = pulse[i];
    text.Text("\n" + std::to_string(i + 1) + ". " + q.statement + " ");
    const std::string before = q.before ? Number(*q.before, 1) : "–";
    const std::string after = q.after ? Number(*q.after, 1) : "–";
    text.Bold(before + " → " + after);
    if (q.before && q.after) text.Text(" (" + std::string(*q.after >= *q.before ? "+" : "−") + Number(std::fabs(*q.after - *q.before), 1) + ")");
    text.Text(" · " + std::to_string(q.answers_before) + " / " + std::to_string(q.answers_after) + " answers");
  }
  return Section{text, {}, {}};
}

Section BreakdownSection(const Breakdown& breakdown, int min_group_size) {
  RichText text = RichText().Bold("By " + breakdown.by).Text(" (groups of " + std::to_string(min_group_size) + " or more):");
  for (const GroupFigures& group : breakdown.groups) {
    text.Text("\n• " + group.group + ": " + Counted(group.people, "person") + ", " + std::to_string(group.paired) +
              " in a pair, " + Number(group.mean_sessions, 1) + " sessions each");
  }
  if (breakdown.groups.empty()) text.Text("\n• no group is large enough to show");
  if (breakdown.hidden > 0) text.Text("\n• " + Counted(breakdown.hidden, "smaller group") + " not shown");
  return Section{text, {}, {}};
}
}  // namespace

Reply AdminReport(CommandContext& context, std::string_view) {
  const ProgramRules& rules = context.rules();
  const ProgramReport report = ComputeProgramReport(context.store, rules, context.now);
  auto& settings = context.store.program();
  const ReportFigures before = DecodeFigures(settings.GetSetting(kLastFiguresKey).value_or(""));
  const auto last_at = settings.GetSetting(kLastAtKey);
  RichText headline = RichText().Bold("Is the program working?");
  if (last_at && !before.empty()) {
    headline.Text(" Changes since the last report, ").Text(*last_at).Text(", in brackets.");
  }
  Message message;
  message.summary = "Program report";
  const ReportWriter writer(report.figures, before);
  message.sections.push_back(Figures(writer, rules, headline));
  message.sections.push_back(Pulse(report.pulse));
  for (const Breakdown& breakdown : report.breakdowns) message.sections.push_back(BreakdownSection(breakdown, rules.min_group_size));
  settings.SetSetting(kLastFiguresKey, EncodeFigures(report.figures));
  settings.SetSetting(kLastAtKey, FormatLocal(context.now, context.settings.default_time_zone));
  AuditAdminAction(context, "admin report", "");
  return Reply{message, false};
}

}  // namespace mentorbot
