#include "bot/core/pairing.h"

namespace mentorbot {

std::string_view PairStateName(PairState state) {
  switch (state) {
    case PairState::kActive: return "active";
    case PairState::kPaused: return "paused";
    case PairState::kEnded: return "ended";
  }
  return "active";
}

std::optional<PairState> ParsePairState(std::string_view name) {
  for (PairState state : {PairState::kActive, PairState::kPaused, PairState::kEnded}) {
    if (PairStateName(state) == name) return state;
  }
  return std::nullopt;
}

std::string_view SessionStateName(SessionState state) {
  switch (state) {
    case SessionState::kProposed: return "proposed";
    case SessionState::kConfirmed: return "confirmed";
    case SessionState::kHeld: return "held";
    case SessionState::kCancelled: return "cancelled";
  }
  return "proposed";
}

std::optional<SessionState> ParseSessionState(std::string_view name) {
  for (SessionState state : {SessionState::kProposed, SessionState::kConfirmed, SessionState::kHeld,
                             SessionState::kCancelled}) {
    if (SessionStateName(state) == name) return state;
  }
  return std::nullopt;
}

}  // namespace mentorbot
