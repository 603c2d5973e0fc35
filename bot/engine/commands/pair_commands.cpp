#include "bot/engine/commands/pair_commands.h"

#include "bot/engine/command_text.h"
#include "bot/engine/program/mention.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
// A mentor with several mentees names one first ("met @alex …" or "met #12 …");
// that word is taken off the arguments. For the next session's commands a
// Confirm/Decline button's session id picks that session's pair, else the
// pair whose open session is nearest to now (a check-in button after a
// session). Otherwise, or with no open session, the mentor is asked.
std::optional<Pair> ChoosePair(CommandContext& context, const std::vector<Pair>& pairs) {
  auto [first, rest] = SplitFirstWord(context.args);
  for (const auto& pair : pairs) {
    const auto partner = context.store.people().FindById(pair.PartnerOf(context.person->id));
    const auto named = ParseMention(first, context.actor());
    if (first == "#" + std::to_string(pair.id) || (partner && named && *named == partner->ref)) {
      context.args = std::string(rest);
      return pair;
    }
  }
  // Only commands about the next session may be resolved from it; anything
  // else (feedback, off-limits topics, pauses…) must name the pair.
  const std::string& verb = context.verb;
  const bool answers_proposal = verb == "confirm" || verb == "accept" || verb == "decline";
  if (!answers_proposal && verb != "met" && verb != "cancel" && verb != "reschedule" && verb != "move") {
    return std::nullopt;
  }
  // A Confirm/Decline button carries its session's id: the pair whose open session that is.
  if (answers_proposal && !first.empty() && first.find_first_not_of("0123456789") == std::string_view::npos) {
    for (const auto& pair : pairs) {
      auto session = context.store.sessions().OpenSessionOf(pair.id);
      if (session && std::to_string(session->id) == first) return pair;
    }
  }
  std::optional<Pair> nearest;
  std::optional<std::chrono::seconds> distance;
  for (const auto& pair : pairs) {
    auto session = context.store.sessions().OpenSessionOf(pair.id);
    if (!session) continue;
    const auto gap = std::chrono::abs(std::chrono::duration_cast<std::chrono::seconds>(session->starts_at - context.now));
    if (!distance || gap < *distance) {
      distance = gap;
      nearest = pair;
    }
  }
  return nearest;
}

Reply WhichPair(CommandContext& context, const std::vector<Pair>& pairs) {
  RichText examples;
  for (const auto& pair : pairs) {
    auto partner = context.store.people().FindById(pair.PartnerOf(context.person->id));
    if (!partner) continue;
    if (!examples.empty()) examples.Text(" or ");
    examples.Code(context.Typed(context.verb + " #" + std::to_string(pair.id))).Text(" for ").Append(NameOf(*partner));
  }
  return Problem("You mentor " + std::to_string(pairs.size()) + " people: say which pair you mean.",
                 RichText("Type ").Append(examples).Text("."));
}
}  // namespace

PairOrReply RequirePair(CommandContext& context) {
  const auto pairs = context.store.pairs().OpenPairsOf(context.person->id);
  if (pairs.empty()) {
    return Problem("You're not paired yet.", "An admin pairs each mentor with a mentee; you'll get a message here "
                                             "as soon as you are.");
  }
  std::optional<Pair> pair = pairs.size() == 1 ? pairs.front() : ChoosePair(context, pairs);
  if (!pair) return WhichPair(context, pairs);
  auto view = LoadPairView(context.store, *pair);
  if (!view) return Problem("Your pair's members could not be found.", "Try again, or tell the program admins.");
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
