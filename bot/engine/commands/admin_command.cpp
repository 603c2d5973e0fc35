// admin: the program admins' command, dispatching to its subcommands.
#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/command_text.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/program/mention.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
Reply AdminHelp(CommandContext& context) {
  RichText list;
  for (const char* usage : {"admin config show", "admin config set <key> <value>", "admin admins add|remove|list <user>",
                            "admin pair <mentor> <mentee>", "admin unpair <pair number or person>",
                            "admin announce <text>", "admin roster import [--skip-bad] (with a CSV file)",
                            "admin report", "admin export", "admin directory sync", "admin directory end|keep <pair>", "admin match preview|apply", "admin match forbid|allow <person> <person>"}) {
    if (!list.empty()) list.Text("\n");
    list.Code(context.Typed(usage));
  }
  return Reply{[&] {
                 Message message;
                 message.summary = "Admin commands";
                 message.sections.push_back(Section{RichText("Admin commands:"), {}, {}});
                 message.sections.push_back(Section{list, {}, {}});
                 return message;
               }(),
               false};
}

Reply Admin(CommandContext& context) {
  auto [sub, rest] = SplitFirstWord(context.args);
  const std::string verb = ToLower(sub);
  if (verb == "config") return AdminConfig(context, rest);
  if (verb == "admins" || verb == "admin") return AdminAdmins(context, rest);
  if (verb == "pair") return AdminPair(context, rest);
  if (verb == "unpair") return AdminUnpair(context, rest);
  if (verb == "announce") return AdminAnnounce(context, rest);
  if (verb == "roster") return AdminRoster(context, rest);
  if (verb == "match") return AdminMatch(context, rest);
  if (verb == "report") return AdminReport(context, rest);
  if (verb == "export") return AdminExport(context, rest);
  if (verb == "directory") return AdminDirectory(context, rest);
  Reply help = AdminHelp(context);
  if (!verb.empty() && verb != "help") {
    RichText what = RichText("There is no admin command ").Code(verb).Text(".");
    help.message.summary = what.PlainText();
    help.message.sections.insert(help.message.sections.begin(), Section{what, {}, {}});
  }
  return help;
}
}  // namespace

std::int64_t AuditAdminAction(CommandContext& context, const std::string& action, const std::string& detail) {
  return context.store.program().Audit(AuditEntry{context.now, context.actor().Key(), action, detail, true});
}

std::optional<Person> FindMentioned(CommandContext& context, std::string_view mention) {
  auto ref = ParseMention(mention, context.actor());
  if (!ref) return std::nullopt;
  return context.store.people().Find(*ref);
}

void RegisterAdminCommand(CommandRouter& router) {
  router.Register(CommandSpec{"admin", {}, "admin <command>", "run the program (admins only)", Audience::kAdmin,
                              Store::Access::kWrite, Admin, std::nullopt});
}

}  // namespace mentorbot
