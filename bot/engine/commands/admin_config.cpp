// admin config show | set <key> <value>: the program's rules.
#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/command_text.h"
#include "bot/engine/replies.h"

namespace mentorbot {

Reply AdminConfig(CommandContext& context, std::string_view args) {
  auto [action, rest] = SplitFirstWord(args);
  const std::string verb = ToLower(action);
  if (verb.empty() || verb == "show") {
    Reply reply;
    reply.message.summary = "Program settings";
    Section section{RichText("Program settings (change with ").Code(context.Typed("admin config set <key> <value>")).Text("):"),
                    {}, {}};
    RichText list;
    for (const auto& rule : AllRules()) {
      if (rule.key == "ground_rules") continue;  // long: shown on its own below
      if (!list.empty()) list.Text("\n");
      list.Code(rule.key).Text(" = ").Bold(RuleValue(context.rules(), rule.key)).Text(" — " + rule.description);
    }
    reply.message.sections.push_back(std::move(section));
    reply.message.sections.push_back(Section{list, {}, {}});
    reply.message.sections.push_back(Section{RichText("ground_rules:\n" + context.rules().ground_rules), {}, {}});
    return reply;
  }
  if (verb != "set") {
    return Problem(RichText("Use ").Code("admin config show").Text(" or ").Code("admin config set <key> <value>").Text("."),
                   RichText("For example ").Code(context.Typed("admin config set cadence_days 14")));
  }
  auto [key, value] = SplitFirstWord(rest);
  if (key.empty() || value.empty()) {
    return Problem("Name a setting and its new value.",
                   RichText("For example ").Code(context.Typed("admin config set cadence_days 14")).Text("; ")
                       .Code(context.Typed("admin config show")).Text(" lists them all."));
  }
  const std::string old_value = RuleValue(context.rules(), ToLower(key));
  Status status = SetRule(context.store.program(), key, value);
  if (!status.ok()) {
    return Problem(RichText("Not changed: " + status.message() + "."),
                   RichText(context.Typed("admin config show")).Text(" lists every setting with its meaning."));
  }
  const std::string name = ToLower(key);
  const std::string new_value = RuleValue(LoadRules(context.store.program()), name);
  AuditAdminAction(context, "admin config set", name + ": " + old_value + " -> " + new_value);
  return Say(RichText("Saved: ").Code(name).Text(" is now ").Bold(new_value).Text(" (was " + old_value + ")."));
}

}  // namespace mentorbot
