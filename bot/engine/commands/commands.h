// bot/engine/commands/ — every handler a person's verb reaches, participant
// and admin, and the router that picks one by verb, role and state. It sits
// on top: it turns a typed command, a button or a form into calls on the
// capabilities below and a reply; no capability includes it.
// May use: any capability.
//
// Registration of every command the engine understands, one function per
// group of commands (each in its own file).
#pragma once

#include "bot/engine/commands/command_router.h"

namespace mentorbot {

void RegisterHelpCommand(CommandRouter& router);
void RegisterEnrolmentCommands(CommandRouter& router);  // join, leave
void RegisterProfileCommand(CommandRouter& router);
void RegisterStatusCommand(CommandRouter& router);
void RegisterSessionCommands(CommandRouter& router);    // schedule, reschedule, confirm, decline, cancel
void RegisterSessionNotesCommands(CommandRouter& router);  // agenda, met, takeaways
void RegisterPairTermsCommands(CommandRouter& router);  // offlimits, rules
void RegisterFeedbackCommand(CommandRouter& router);
void RegisterHistoryCommand(CommandRouter& router);
void RegisterPauseCommands(CommandRouter& router);      // pause, resume
void RegisterForgetMeCommand(CommandRouter& router);
void RegisterAdminCommand(CommandRouter& router);
void RegisterHomeCommand(CommandRouter& router);
void RegisterPulseCommand(CommandRouter& router);

struct CommandContext;
struct Reply;
// The actor's status (pair, next session, progress, what waits on them); the
// home view builds on it.
Reply ShowStatus(CommandContext& context);

// All of the above, in the order help lists them.
void RegisterAllCommands(CommandRouter& router);

}  // namespace mentorbot
