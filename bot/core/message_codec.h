// A compact, versioned text encoding of Message, so the outbox can persist
// what the engine said without the storage layer knowing its structure (or
// depending on a JSON library). Every string is length-prefixed, so any
// content round-trips exactly. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/core/message.h"

namespace mentorbot {

std::string EncodeMessage(const Message& message);
// nullopt when `encoded` is not a valid encoding (truncated, wrong version).
std::optional<Message> DecodeMessage(std::string_view encoded);

}  // namespace mentorbot
