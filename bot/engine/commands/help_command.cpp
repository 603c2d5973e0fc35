// help: what the actor can do now, for their role and state.
#include "bot/engine/commands/commands.h"
#include "bot/engine/program/profile_fields.h"

namespace mentorbot {

namespace {
RichText NextStep(const CommandContext& context) {
  if (!context.enrolled()) {
    return RichText("This is the reverse-mentoring program: an early-in-career ").Bold("mentor")
        .Text(" shares their perspective with a senior leader, the ").Bold("mentee")
        .Text(". To take part, type ").Code(context.Typed("join mentee")).Text(" or ")
        .Code(context.Typed("join mentor")).Text(".");
  }
  const auto missing = MissingMatchingFields(*context.person);
  if (!missing.empty()) {
    const auto& info = InfoOf(missing.front());
    return RichText("Next step: complete your profile so you can be paired, e.g. ")
        .Code(context.Typed("profile set " + std::string(info.name) + " " + std::string(info.example)))
        .Text(".");
  }
  return RichText("You're enrolled as a ").Bold(RoleName(context.person->role))
      .Text(" and your profile is complete. ").Code(context.Typed("status")).Text(" shows where you stand.");
}
}  // namespace

void RegisterHelpCommand(CommandRouter& router) {
  router.Register(CommandSpec{
      "help", {"?", "hi", "hello"}, "help", "what you can do now", Audience::kAnyone, Store::Access::kRead,
      [&router](CommandContext& context) {
        Reply reply;
        reply.message.summary = "Here's what you can do";
        reply.message.sections.push_back(Section{NextStep(context), {}, {}});
        RichText list;
        for (const CommandSpec* spec : router.Available(context)) {
          if (!list.empty()) list.Text("\n");
          list.Code(context.Typed(spec->usage)).Text(" — " + spec->summary);
        }
        reply.message.sections.push_back(Section{list, {}, {}});
        return reply;
      },
      std::nullopt});
}

}  // namespace mentorbot
