// admin report: is the program working? The figures of ProgramReport, each
// with its change since the previous report (kept in the program settings).
#include <cmath>
#include <cstdio>

#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/command_text.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/reporting/program_report.h"
#include "bot/engine/reporting/report_figures_section.h"
#include "bot/engine/time/time_zone.h"

namespace mentorbot {

namespace {
Section Pulse(const std::vector<PulseShift>& pulse) {
  RichText text = RichText().Bold("Pulse survey").Text(" (mean agreement 1-5, at kickoff → after the target):");
  for (std::size_t i = 0; i < pulse.size(); ++i) {
    const PulseShift& q = pulse[i];
    text.Text("\n" + std::to_string(i + 1) + ". " + q.statement + " ");
    const std::string before = q.before ? FormatNumber(*q.before, 1) : "–";
    const std::string after = q.after ? FormatNumber(*q.after, 1) : "–";
    text.Bold(before + " → " + after);
    if (q.before && q.after) text.Text(" (" + std::string(*q.after >= *q.before ? "+" : "−") + FormatNumber(std::fabs(*q.after - *q.before), 1) + ")");
    text.Text(" · " + std::to_string(q.answers_before) + " / " + std::to_string(q.answers_after) + " answers");
  }
  return Section{text, {}, {}};
}

Section BreakdownSection(const Breakdown& breakdown, int min_group_size) {
  RichText text = RichText().Bold("By " + breakdown.by).Text(" (groups of " + std::to_string(min_group_size) + " or more):");
  for (const GroupFigures& group : breakdown.groups) {
    text.Text("\n• " + group.group + ": " + Counted(group.people, "person") + ", " + std::to_string(group.paired) +
              " in a pair, " + FormatNumber(group.mean_sessions, 1) + " sessions each");
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
  const ReportFigures before = LastReportFigures(settings);
  const auto last_at = settings.GetSetting(kLastReportAtKey);
  RichText headline = RichText().Bold("Is the program working?");
  if (last_at && !before.empty()) {
    headline.Text(" Changes since the last report, ").Text(*last_at).Text(", in brackets.");
  }
  Message message;
  message.summary = "Program report";
  message.sections.push_back(ReportFiguresSection(report.figures, before, rules, headline));
  message.sections.push_back(Pulse(report.pulse));
  for (const Breakdown& breakdown : report.breakdowns) message.sections.push_back(BreakdownSection(breakdown, rules.min_group_size));
  settings.SetSetting(kLastReportFiguresKey, EncodeFigures(report.figures));
  settings.SetSetting(kLastReportAtKey, FormatLocal(context.now, context.settings.default_time_zone));
  AuditAdminAction(context, "admin report", "");
  return Reply{message, false};
}

}  // namespace mentorbot
