// Reorg safety: after the org chart changed, every open pair is checked
// again against the program's first rule. A pair whose mentor and mentee
// now sit in one leadership chain is never silently kept: the admins get
// the chain and two buttons, "End the pairing and rematch" and "Keep it
// (recorded in the audit log)". The pair itself is not told why unless an
// admin ends it. Each chain is asked about once per pair.
#pragma once

#include <string>

#include "bot/core/store.h"
#include "bot/engine/program_settings.h"

namespace mentorbot {

// REQUIRES: runs inside a write transaction. Returns how many pairs were
// newly put to the admins.
int ReviewOpenPairs(StoreTransaction& store, const ProgramSettings& settings, TimePoint now);

// The chain of a pair as stored in its review, for the admins' messages.
std::string ChainText(const std::vector<std::string>& keys);

}  // namespace mentorbot
