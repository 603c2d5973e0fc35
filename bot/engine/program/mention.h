// Naming a person in command arguments, the way each platform writes it:
// Slack "<@U123>" / "<@U123|name>", "@U123", a bare user id, or a full user
// key "slack:T1:U123". Bare forms are taken in the actor's own workspace.
// Also email addresses, as people and rosters write them. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/core/address.h"

namespace mentorbot {

std::optional<UserRef> ParseMention(std::string_view text, const UserRef& actor);

// A plausible email address (local@domain.tld, no spaces), lower-cased; else
// nullopt. ':' is refused, so "email:<address>" keys stay unambiguous.
std::optional<std::string> ParseEmailAddress(std::string_view text);

}  // namespace mentorbot
