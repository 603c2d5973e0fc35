// The form that asks for a session's time: submitted, it runs `verb`
// ("schedule" or "reschedule") with what was typed, read like the command.
// Here, not with the other forms, because suggested times (calendar/)
// offer it too; the form reader in program/ knows it by its id, the verb.
#pragma once

#include <string>

#include "bot/core/message.h"

namespace mentorbot {

Form WhenForm(const std::string& verb, const std::string& initial = "");

}  // namespace mentorbot
