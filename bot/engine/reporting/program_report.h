// bot/engine/reporting/ — what the program achieved, for admins: the report
// and its figures section, the CSV export and the ZIP it is sent in.
// May use: time.
//
// ProgramReport: whether the program works, in figures — for `admin report`.
// Computed from the whole history in one read transaction; figures only,
// never a pair's notes or anyone's background. Breakdowns (department, level,
// cohort) leave out groups smaller than the program's min_group_size, so no
// figure points at a person.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/core/store.h"
#include "bot/engine/program_rules.h"

namespace mentorbot {

// The figures the report compares with the previous report, by name.
using ReportFigures = std::map<std::string, double>;

struct PulseShift {
  std::string statement;
  std::optional<double> before, after;  // means; nullopt without answers
  int answers_before = 0, answers_after = 0;
};

struct GroupFigures {
  std::string group;        // "Finance", "level 5-7", "joined 2026-11"
  int people = 0;
  int paired = 0;           // currently in a pair
  double mean_sessions = 0; // held by the pairs they were ever in, per person
};

struct Breakdown {
  std::string by;                    // "department", "level", "cohort"
  std::vector<GroupFigures> groups;  // only groups of at least min_group_size
  int hidden = 0;                    // groups left out for their size
};

struct ProgramReport {
  ReportFigures figures;  // see kReportFigureNames in the .cpp for the keys
  std::vector<PulseShift> pulse;
  std::vector<Breakdown> breakdowns;
};

ProgramReport ComputeProgramReport(StoreTransaction& store, const ProgramRules& rules, TimePoint now);

// Figures as stored between reports ("name=value" lines) and back.
std::string EncodeFigures(const ReportFigures& figures);
ReportFigures DecodeFigures(const std::string& text);

}  // namespace mentorbot
