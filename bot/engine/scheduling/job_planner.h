// The scheduler's planner: from one pair's state, every message the program
// owes that pair — agenda nudge, reminders, "did you meet?" check-in,
// takeaways nudges, feedback prompt, stall nudges and the escalation,
// milestone — each with a stable key (pair, session, kind, occurrence), the
// moment it becomes due and, where it stops making sense, when it expires.
// Pure function: the same state always plans the same messages, so a tick
// repeated, run by two processes or after a crash enqueues each key once.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot/core/message.h"
#include "bot/engine/program/pair_snapshot.h"
#include "bot/engine/program_rules.h"
#include "bot/engine/program_settings.h"

namespace mentorbot {

struct PlannedMessage {
  std::string key;
  UserRef to;                  // a person's DMs…
  std::string conversation;    // …or this conversation (the admin channel)
  std::string zone;            // the recipient's time zone, for quiet hours
  // Builds the text. Planning is cheap and mostly finds messages not yet due
  // or already queued, so the text is only built for what is queued.
  // REQUIRES: called while the PairSnapshot, rules and settings planned
  // from are alive.
  std::function<Message()> build;
  TimePoint due{};
  std::optional<TimePoint> expires;  // not sent at or after this moment
  bool ignores_quiet_hours = false;  // the last reminder before a session
};

std::vector<PlannedMessage> PlanPairMessages(const PairSnapshot& pair, const ProgramRules& rules,
                                             const ProgramSettings& settings, TimePoint now);

// A message for the admins: to the admin channel when one is set, else to
// each config admin's DMs (one key each).
std::vector<PlannedMessage> PlanAdminMessages(const std::string& key, const std::function<Message()>& build,
                                              TimePoint due, std::optional<TimePoint> expires, const ProgramRules& rules,
                                              const ProgramSettings& settings);

}  // namespace mentorbot
