// ProgramRules: the program's rules that admins change at run time with
// `admin config set` (cadence, session length, target, lead times, quiet
// hours, ground rules…). Defaults follow the practice of real programs
// (../shared/PRODUCT.md); stored values override them. Value type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/core/repositories.h"
#include "bot/core/status.h"

namespace mentorbot {

// Points per criterion, and the level gap (mentee level minus mentor level)
// that earns the level points. Defaults are program rules (admin config).
// Weights are clamped to -1000..1000 (kMaxMatchWeight in match_scoring.h).
struct MatchWeights {
  int department = 3;
  int location = 2;
  int level = 2;
  int background = 2;
  int time_zone = 2;  // full points at 4 or more shared working hours
  int min_level_gap = 2;
  int max_level_gap = 8;
};

struct ProgramRules {
  int cadence_days = 21;
  int session_minutes = 45;
  int target_sessions = 6;
  int kickoff_schedule_days = 7;
  int agenda_nudge_hours = 48;
  std::vector<int> reminder_hours = {24, 1};
  int takeaways_nudge_hours = 2;
  int takeaways_second_nudge_days = 2;
  int stall_grace_days = 7;
  int escalate_after_nudges = 2;
  int quiet_start_minute = 20 * 60;  // local time of day; start == end means no quiet hours
  int quiet_end_minute = 8 * 60;
  int work_start_minute = 9 * 60;  // working hours, local: where `schedule` suggests times
  int work_end_minute = 17 * 60;
  std::vector<bool> work_days = {false, true, true, true, true, true, false};  // Sunday first
  std::string ground_rules;
  std::string admin_channel;  // conversation id for escalations and digests; empty = admins by DM
  int min_group_size = 5;
  int max_pause_days = 60;
  MatchWeights match;
  // The pulse survey's statements, rated 1-5 at kickoff and after the target.
  std::vector<std::string> pulse_questions = {
      "I understand the day-to-day experience of colleagues whose background differs from mine.",
      "I feel comfortable speaking openly with people at a very different level of seniority.",
      "I know concrete things I will do differently at work because of this program."};
};

struct RuleInfo {
  std::string key;
  std::string description;
};
const std::vector<RuleInfo>& AllRules();

// Whether a local minute of the day (0..1439) lies in the quiet hours, which
// may wrap midnight (20:00-08:00); equal start and end mean none.
bool InQuietHours(int minute_of_day, const ProgramRules& rules);

// Defaults overlaid with every valid stored value.
ProgramRules LoadRules(ProgramRepository& program);
// The value of `key` as `admin config show` prints it.
std::string RuleValue(const ProgramRules& rules, std::string_view key);
// Validates and stores one setting. InvalidArgument names what is wrong;
// NotFound for an unknown key. Nothing is stored unless it is valid.
Status SetRule(ProgramRepository& program, std::string_view key, std::string_view value);

}  // namespace mentorbot
