// The program report's headline figures as one message section (admin
// report, the admins' home view), each with its change since the last
// `admin report`: "12 (+2)".
#pragma once

#include "bot/core/message.h"
#include "bot/core/repositories.h"
#include "bot/engine/reporting/program_report.h"
#include "bot/engine/program_rules.h"

namespace mentorbot {

// Where `admin report` keeps the figures it showed, and when.
inline constexpr const char* kLastReportFiguresKey = "report.last_figures";
inline constexpr const char* kLastReportAtKey = "report.last_at";

// The figures the last `admin report` showed; empty before the first.
ReportFigures LastReportFigures(ProgramRepository& settings);

Section ReportFiguresSection(const ReportFigures& now, const ReportFigures& before, const ProgramRules& rules,
                             const RichText& headline);

// `value` with `decimals` digits after the point: "3.5".
std::string FormatNumber(double value, int decimals);

}  // namespace mentorbot
