// Small builders for the engine's common reply shapes, so every command
// answers in the same voice.
#pragma once

#include "bot/core/message.h"

namespace mentorbot {

// One paragraph.
Reply Say(const RichText& text);
// Something could not be done: what was wrong, then what to type instead.
Reply Problem(const RichText& what_was_wrong, const RichText& what_to_do);

}  // namespace mentorbot
