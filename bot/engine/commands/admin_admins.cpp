// admin admins add|remove|list <user>: who runs the program. Admins named in
// the config file stay admins; only stored ones can be removed here.
#include <algorithm>

#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/command_text.h"
#include "bot/engine/program/mention.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
bool FromConfig(const CommandContext& context, const UserRef& user) {
  return std::find(context.settings.admins.begin(), context.settings.admins.end(), user) != context.settings.admins.end();
}

Reply ListAdmins(CommandContext& context) {
  RichText list;
  for (const auto& admin : context.settings.admins) {
    list.Text(list.empty() ? "" : "\n").Mention(admin, admin.user_id).Text(" (from the config file)");
  }
  for (const auto& admin : context.store.program().ListAdmins()) {
    list.Text(list.empty() ? "" : "\n").Mention(admin, admin.user_id);
  }
  return Reply{[&] {
                 Message message;
                 message.summary = "Program admins";
                 message.sections.push_back(Section{RichText("Program admins:"), {}, {}});
                 message.sections.push_back(Section{list.empty() ? RichText("none") : list, {}, {}});
                 return message;
               }(),
               false};
}
}  // namespace

Reply AdminAdmins(CommandContext& context, std::string_view args) {
  auto [action, who] = SplitFirstWord(args);
  const std::string verb = ToLower(action);
  if (verb.empty() || verb == "list") return ListAdmins(context);
  if (verb != "add" && verb != "remove") {
    return Problem(RichText("Use ").Code("admin admins add <user>").Text(", ").Code("admin admins remove <user>")
                       .Text(" or ").Code("admin admins list").Text("."),
                   RichText("Name people as you mention them, e.g. ").Code(context.Typed("admin admins add @sam")));
  }
  auto user = ParseMention(who, context.actor());
  if (!user) return Problem("Whom? Name one person.", RichText("For example ").Code(context.Typed("admin admins " + verb + " @sam")));
  auto& program = context.store.program();
  if (verb == "add") {
    if (FromConfig(context, *user) || !program.AddAdmin(*user, context.actor().Key(), context.now)) {
      return Say(RichText().Mention(*user, user->user_id).Text(" is already an admin."));
    }
    AuditAdminAction(context, "admin admins add", user->Key());
    return Say(RichText("Added ").Mention(*user, user->user_id).Text(" as a program admin."));
  }
  if (FromConfig(context, *user)) {
    return Problem(RichText().Mention(*user, user->user_id).Text(" is an admin through the config file."),
                   "Remove them from program.admins in the config and restart the bot.");
  }
  if (!program.RemoveAdmin(*user)) return Say(RichText().Mention(*user, user->user_id).Text(" is not an admin."));
  AuditAdminAction(context, "admin admins remove", user->Key());
  return Say(RichText("Removed ").Mention(*user, user->user_id).Text(" from the program admins."));
}

}  // namespace mentorbot
