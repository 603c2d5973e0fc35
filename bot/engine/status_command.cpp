// status: where the actor stands and what is waiting on them.
#include "bot/engine/commands.h"
#include "bot/engine/profile_fields.h"
#include "bot/engine/replies.h"
#include "bot/engine/time_zone.h"

namespace mentorbot {

void RegisterStatusCommand(CommandRouter& router) {
  router.Register(CommandSpec{
      "status", {}, "status", "your pair, your next session and what is waiting on you", Audience::kAnyone,
      Store::Access::kRead, [](CommandContext& context) {
        if (!context.enrolled()) {
          RichText text("You're not enrolled in the program");
          if (context.person) {
            text.Text(" (you left on ")
                .Time(*context.person->left_at, FormatLocal(*context.person->left_at, context.TimeZone()))
                .Text(")");
          }
          return Problem(text.Text("."), RichText("To take part, type ").Code(context.Typed("join mentee"))
                                             .Text(" or ").Code(context.Typed("join mentor")).Text("."));
        }
        const Person& person = *context.person;
        Reply reply;
        reply.message.summary = "Your status";
        Section section{RichText("You're enrolled as a ").Bold(RoleName(person.role)).Text(" since ")
                            .Time(person.joined_at, FormatLocal(person.joined_at, context.TimeZone())).Text("."),
                        {}, {}};
        section.fields.push_back(Field{"Pair", RichText("not paired yet: an admin pairs people once their "
                                                        "profiles are complete")});
        RichText waiting;
        for (ProfileField field : MissingMatchingFields(person)) {
          const auto& info = InfoOf(field);
          if (!waiting.empty()) waiting.Text("\n");
          waiting.Code(context.Typed("profile set " + std::string(info.name) + " " + std::string(info.example)));
        }
        section.fields.push_back(Field{"Waiting on you", waiting.empty() ? RichText("nothing") : waiting});
        reply.message.sections.push_back(std::move(section));
        return reply;
      }});
}

}  // namespace mentorbot
