#include "bot/engine/pair_commands.h"

#include "bot/engine/notifications.h"
#include "bot/engine/replies.h"

namespace mentorbot {

PairOrReply RequirePair(CommandContext& context) {
  auto view = LoadOpenPair(context.store, context.person->id);
  if (!view) {
    return Problem("You're not paired yet.", "An admin pairs each mentor with a mentee; you'll get a message here "
                                             "as soon as you are.");
  }
  return *view;
}

PairOrReply RequireActivePair(CommandContext& context) {
  auto view = RequirePair(context);
  if (view.ok() && view->PausedAt(context.now)) {
    return Problem(RichText("Your pair is paused until ")
                       .Append(WhenFor(*view->pair.paused_until, *context.person, context.settings)).Text("."),
                   RichText("Type ").Code(context.Typed("resume")).Text(" to carry on now."));
  }
  return view;
}

namespace {
PairOrReply RequireMentee(PairOrReply view, CommandContext& context, std::string_view why) {
  if (view.ok() && !view->IsMentee(*context.person)) {
    return Problem(RichText(why), RichText("Your mentee ").Append(NameOf(view->mentee))
                                      .Text(" does this; ").Code(context.Typed("status")).Text(" shows what is waiting on you."));
  }
  return view;
}
}  // namespace

PairOrReply RequireMenteeOfActivePair(CommandContext& context, std::string_view why) {
  return RequireMentee(RequireActivePair(context), context, why);
}

PairOrReply RequireMenteeOfPair(CommandContext& context, std::string_view why) {
  return RequireMentee(RequirePair(context), context, why);
}

}  // namespace mentorbot
