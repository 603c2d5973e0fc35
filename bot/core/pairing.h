// Pair and Session: a mentor–mentee pair and the sessions they hold. Value
// types. Agendas and takeaways are private to the pair's two members.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/core/clock.h"

namespace mentorbot {

enum class PairState { kActive, kPaused, kEnded };
std::string_view PairStateName(PairState state);  // "active", "paused", "ended"
std::optional<PairState> ParsePairState(std::string_view name);

struct Pair {
  std::int64_t id = 0;
  std::int64_t mentor_id = 0;  // Person ids
  std::int64_t mentee_id = 0;
  PairState state = PairState::kActive;
  TimePoint created_at{};
  std::optional<TimePoint> paused_until;  // kPaused only
  std::optional<TimePoint> ended_at;      // kEnded only
  std::string end_reason;                 // kEnded only: "unpaired by an admin", "the mentee left", …

  bool open() const { return state != PairState::kEnded; }
  bool Has(std::int64_t person_id) const { return person_id == mentor_id || person_id == mentee_id; }
  std::int64_t PartnerOf(std::int64_t person_id) const { return person_id == mentor_id ? mentee_id : mentor_id; }
};

enum class SessionState { kProposed, kConfirmed, kHeld, kCancelled };
std::string_view SessionStateName(SessionState state);  // "proposed", "confirmed", "held", "cancelled"
std::optional<SessionState> ParseSessionState(std::string_view name);

struct Session {
  std::int64_t id = 0;
  std::int64_t pair_id = 0;
  SessionState state = SessionState::kProposed;
  TimePoint starts_at{};  // UTC; for an unscheduled session recorded by `met`, when it was recorded
  int minutes = 45;
  bool scheduled = true;  // false: recorded after the fact by `met`, never proposed
  std::string agenda;
  std::optional<TimePoint> agenda_set_at;
  std::string takeaways;
  std::optional<TimePoint> takeaways_at;
  std::optional<TimePoint> held_at;
  std::string cancel_reason;
  TimePoint created_at{};

  bool open() const { return state == SessionState::kProposed || state == SessionState::kConfirmed; }
  TimePoint ends_at() const { return starts_at + std::chrono::minutes(minutes); }
};

struct Feedback {
  std::int64_t session_id = 0;
  std::int64_t person_id = 0;
  int rating = 0;  // 1..5
  std::string comment;
  TimePoint at{};
};

struct AuditEntry {
  TimePoint at{};
  std::string actor;   // UserRef::Key() of who acted
  std::string action;  // e.g. "admin pair"
  std::string detail;  // what was done, without private text
  bool allowed = true;
};

}  // namespace mentorbot
