// Reading one user of a Microsoft Graph users/delta answer as a
// DirectoryEntry. What Graph's contract says and this follows
// (https://learn.microsoft.com/graph/delta-query-overview,
//  https://learn.microsoft.com/graph/api/user-delta,
//  https://learn.microsoft.com/graph/delta-query-users):
//  - "Updated instances are represented by their id with *at least* the
//    properties that have been updated"; with `Prefer: return=minimal` "If
//    the property has not changed, the property is not included in the
//    response at all" and a property "set to null value" is included as
//    null. So in an incremental round absent = unchanged (nullopt) and
//    null = none (""). In a full round "If the property has never been set
//    before it will not be included": absent = none there.
//  - "Relationships on users and groups are represented as annotations ...
//    propertyName@delta": the manager as `manager@delta`, a list of
//    directory objects; one that carries `@removed` is a manager taken away
//    (so a change of manager lists the old one removed and the new one, a
//    removal only the old one removed). In an incremental round an absent
//    `manager@delta` is an unchanged manager; in a full round it is none.
//  - "Removed instances are represented by their id and an @removed
//    object", reason "changed" (deleted, restorable from deletedItems) or
//    "deleted" (permanently): both are removed = true.
// The email: `mail` lower-cased; without one the userPrincipalName when it
// reads as an address (one '@', a dotted domain) and is not a guest's
// ("alex_fabrikam.com#EXT#@contoso.onmicrosoft.com": B2B guests' UPNs name
// no mailbox). Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "bot/core/directory_source.h"

namespace mentorbot {

// The user, or why it cannot be read (no id, a property of the wrong type).
// `full`: the answer belongs to a full round rather than an incremental one.
std::variant<DirectoryEntry, DirectoryProblem> ReadGraphUser(const nlohmann::json& user, bool full);

// True for a UPN that reads as a mailbox's address (see above).
bool UpnLooksLikeEmail(const std::string& upn);

}  // namespace mentorbot
