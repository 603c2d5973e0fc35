// The program's first rule: a mentor and a mentee are never in the same
// leadership chain (neither manages the other, directly or transitively).
// Pure function over a manager lookup; bad data with cycles terminates.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mentorbot {

// Returns the manager key of a person key, or "" when unknown / none.
using ManagerLookup = std::function<std::string(const std::string& person)>;

// If one of a and b manages the other (directly or through others), the
// chain from the junior one up to the senior one, both included; else nullopt.
std::optional<std::vector<std::string>> ChainBetween(const std::string& a, const std::string& b,
                                                     const ManagerLookup& manager_of);

}  // namespace mentorbot
