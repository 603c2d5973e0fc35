// Registration of every command the engine understands, one function per
// group of commands (each in its own file).
#pragma once

#include "bot/engine/command_router.h"

namespace mentorbot {

void RegisterHelpCommand(CommandRouter& router);
void RegisterEnrolmentCommands(CommandRouter& router);  // join, leave
void RegisterProfileCommand(CommandRouter& router);
void RegisterStatusCommand(CommandRouter& router);

// All of the above, in the order help lists them.
void RegisterAllCommands(CommandRouter& router);

}  // namespace mentorbot
