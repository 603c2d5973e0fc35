// Naming a person in command arguments, the way each platform writes it:
// Slack "<@U123>" / "<@U123|name>", "@U123", a bare user id, or a full user
// key "slack:T1:U123". Bare forms are taken in the actor's own workspace. Pure.
#pragma once

#include <optional>
#include <string_view>

#include "bot/core/address.h"

namespace mentorbot {

std::optional<UserRef> ParseMention(std::string_view text, const UserRef& actor);

}  // namespace mentorbot
