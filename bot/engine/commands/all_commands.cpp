#include "bot/engine/commands/commands.h"

namespace mentorbot {

void RegisterAllCommands(CommandRouter& router) {
  RegisterHelpCommand(router);
  RegisterEnrolmentCommands(router);
  RegisterStatusCommand(router);
  RegisterHomeCommand(router);
  RegisterSessionCommands(router);
  RegisterSessionNotesCommands(router);
  RegisterPairTermsCommands(router);
  RegisterFeedbackCommand(router);
  RegisterPulseCommand(router);
  RegisterHistoryCommand(router);
  RegisterProfileCommand(router);
  RegisterPauseCommands(router);
  RegisterForgetMeCommand(router);
  RegisterAdminCommand(router);
}

}  // namespace mentorbot
