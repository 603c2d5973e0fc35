// Who is who in an imported roster, across rows: ids and email addresses,
// the same person written twice, managers named by id, email or user key,
// and manager chains that loop. Pure functions; linear in the number of rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/core/address.h"
#include "bot/engine/roster/roster_csv.h"

namespace mentorbot {

// A row on its way through validation: what it says so far and what is wrong.
struct RosterDraft {
  RosterRow row;             // row.key is empty when neither id nor email is usable
  std::string manager_text;  // the manager cell as written (trimmed), resolved by LinkRoster
  std::vector<std::string> reasons;
};

// A user id as an admin writes it in the roster. With `workspace_of`, bare and
// mention forms ("U123", "<@U123>", an AAD object id) are taken in that
// person's workspace; without it only full user keys ("slack:T1:U123").
std::optional<UserRef> ParseRosterId(std::string_view text, const std::optional<UserRef>& workspace_of);

// Across all drafts, in file order: marks a later row with the key or email of
// an earlier one as "the same person as line N"; resolves each manager_text
// into row.manager; reports a person who is their own manager and every row
// of a manager chain that loops.
void LinkRoster(std::vector<RosterDraft>& drafts, const std::optional<UserRef>& workspace_of);

}  // namespace mentorbot
