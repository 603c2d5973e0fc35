// The admin subcommands (`admin <sub> …`), each in its own file, and the
// audit entry every admin action leaves.
#pragma once

#include <string>

#include "bot/core/message.h"
#include "bot/engine/command_context.h"

namespace mentorbot {

Reply AdminConfig(CommandContext& context, std::string_view args);    // config show|set
Reply AdminAdmins(CommandContext& context, std::string_view args);    // admins add|remove|list
Reply AdminPair(CommandContext& context, std::string_view args);      // pair <mentor> <mentee>
Reply AdminUnpair(CommandContext& context, std::string_view args);    // unpair <pair id|person>
Reply AdminAnnounce(CommandContext& context, std::string_view args);  // announce <text>
Reply AdminRoster(CommandContext& context, std::string_view args);    // roster import [--skip-bad]
Reply AdminMatch(CommandContext& context, std::string_view args);     // match preview|apply|forbid|allow
Reply AdminReport(CommandContext& context, std::string_view args);    // report
Reply AdminExport(CommandContext& context, std::string_view args);    // export
Reply AdminDirectory(CommandContext& context, std::string_view args); // directory sync|end|keep <pair>

// Records an admin action in the audit log. Returns the entry's id.
std::int64_t AuditAdminAction(CommandContext& context, const std::string& action, const std::string& detail);

// The enrolled (or once enrolled) person a mention names, if any.
std::optional<Person> FindMentioned(CommandContext& context, std::string_view mention);

}  // namespace mentorbot
