#include "bot/engine/reporting/report_figures_section.h"

#include <cmath>
#include <cstdio>

namespace mentorbot {

std::string FormatNumber(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

namespace {

std::string Percent(double ratio) { return FormatNumber(ratio * 100, 0) + "%"; }

class ReportWriter {
 public:
  ReportWriter(const ReportFigures& now, const ReportFigures& before) : now_(now), before_(before) {}

  // The figure and, when there was an earlier report, its change: "12 (+2)".
  std::string Show(const std::string& name, int decimals = 0, bool percent = false) const {
    const double value = At(now_, name);
    std::string text = percent ? Percent(value) : FormatNumber(value, decimals);
    auto earlier = before_.find(name);
    if (earlier == before_.end()) return text;
    const double change = value - earlier->second;
    const double shown = percent ? change * 100 : change;
    const std::string amount = FormatNumber(std::fabs(shown), percent ? 0 : decimals);
    if (amount == FormatNumber(0, percent ? 0 : decimals)) return text + " (±0)";
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

}  // namespace

ReportFigures LastReportFigures(ProgramRepository& settings) {
  return DecodeFigures(settings.GetSetting(kLastReportFiguresKey).value_or(""));
}

Section ReportFiguresSection(const ReportFigures& now, const ReportFigures& before, const ProgramRules& rules,
                             const RichText& headline) {
  const ReportWriter w(now, before);
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
  add("Sessions the calendar service could not book", w.Show("sessions_not_in_calendars"));
  return section;
}

}  // namespace mentorbot
