#include "bot/engine/commands.h"

namespace mentorbot {

void RegisterAllCommands(CommandRouter& router) {
  RegisterHelpCommand(router);
  RegisterEnrolmentCommands(router);
  RegisterStatusCommand(router);
  RegisterProfileCommand(router);
}

}  // namespace mentorbot
