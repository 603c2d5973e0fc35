// offlimits and rules: what the pair agreed on. Off-limits topics are named
// per pair and shown with every session reminder; each member acknowledges
// the ground rules once.
#include "bot/engine/command_text.h"
#include "bot/engine/calendar/calendar_sync.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/commands/pair_commands.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
constexpr std::size_t kMaxTopic = 200;

RichText TopicList(const std::vector<std::string>& topics) {
  RichText list;
  for (const auto& topic : topics) list.Text((list.empty() ? "• " : "\n• ") + topic);
  return list;
}

Reply OffLimits(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  auto [action, topic_text] = SplitFirstWord(context.args);
  const std::string verb = ToLower(action);
  const std::string topic(topic_text);
  auto& pairs = context.store.pairs();
  if (verb.empty() || verb == "list") {
    auto topics = pairs.ListOffLimits(view->pair.id);
    if (topics.empty()) {
      return Say(RichText("Your pair has no off-limits topics. Either of you can add one: ")
                     .Code(context.Typed("offlimits add <topic>")));
    }
    return Reply{Note("Off-limits for your pair:", TopicList(topics)), false};
  }
  if (verb != "add" && verb != "remove") {
    return Problem(RichText("I don't know ").Code("offlimits " + verb).Text("."),
                   RichText("Use ").Code(context.Typed("offlimits add <topic>")).Text(", ")
                       .Code(context.Typed("offlimits remove <topic>")).Text(" or ").Code(context.Typed("offlimits list")).Text("."));
  }
  if (topic.empty()) return Problem("Which topic?", RichText("For example ").Code(context.Typed("offlimits " + verb + " compensation")));
  if (topic.size() > kMaxTopic) return Problem("That topic is too long (200 characters at most).", "Name it in a few words.");
  const bool add = verb == "add";
  const bool changed = add ? pairs.AddOffLimits(view->pair.id, topic, context.person->id, context.now)
                           : pairs.RemoveOffLimits(view->pair.id, topic);
  if (!changed) {
    return Say(RichText(add ? "That topic is already off-limits: " : "That topic wasn't on the list: ").Bold(topic));
  }
  if (auto open = context.store.sessions().OpenSessionOf(view->pair.id)) {
    SyncSessionCalendar(context, *open, view->pair, view->mentor, view->mentee);  // the description lists them
  }
  const Person& partner = view->Partner(*context.person);
  Notify(context, partner,
         "pair:" + std::to_string(view->pair.id) + ":offlimits:" + verb + ":" + Fingerprint(ToLower(topic)) + ":" +
             std::to_string(context.now.time_since_epoch().count()),
         Note(NameOf(*context.person).Text(add ? " added an off-limits topic: " : " removed an off-limits topic: ").Bold(topic)));
  return Say(RichText(add ? "Added to your pair's off-limits topics: " : "Removed from your pair's off-limits topics: ")
                 .Bold(topic).Text(". I've told ").Append(NameOf(partner)).Text("."));
}

Reply Rules(CommandContext& context) {
  const std::string action = ToLower(SplitFirstWord(context.args).first);
  auto view = context.enrolled() ? LoadOpenPair(context.store, context.person->id) : std::nullopt;
  if (action == "accept") {
    if (!view) return Say("You'll be asked to accept the ground rules when you're paired.");
    // The program has one set of ground rules: accepting them covers every
    // pair the person is in (a mentor may have several).
    bool accepted_now = false, everyone = true;
    for (const Pair& pair : context.store.pairs().OpenPairsOf(context.person->id)) {
      if (!context.store.pairs().HasAcceptedRules(pair.id, context.person->id)) {
        context.store.pairs().AcceptRules(pair.id, context.person->id, context.now);
        accepted_now = true;
      }
      everyone = everyone && context.store.pairs().HasAcceptedRules(pair.id, pair.PartnerOf(context.person->id));
    }
    if (!accepted_now) return Say("You've already accepted the ground rules for this pair. Thank you.");
    return Say(RichText("Thank you: you've accepted the ground rules.")
                   .Text(everyone ? " You both have, so you're all set." : ""));
  }
  if (!action.empty()) {
    return Problem(RichText("I don't know ").Code("rules " + action).Text("."),
                   RichText("Type ").Code(context.Typed("rules")).Text(" to read them or ").Code(context.Typed("rules accept")).Text("."));
  }
  Reply reply{Note("The program's ground rules", RichText(context.rules().ground_rules)), false};
  if (view) {
    const bool mine = context.store.pairs().HasAcceptedRules(view->pair.id, context.person->id);
    RichText state = mine ? RichText("You've accepted them.")
                          : RichText("Please accept them: ").Code(context.Typed("rules accept"));
    reply.message.sections.push_back(Section{state, {}, mine ? std::vector<Button>{}
                                                               : std::vector<Button>{Button{"I accept", "rules", "accept", Button::Style::kPrimary}}});
  }
  return reply;
}
}  // namespace

void RegisterPairTermsCommands(CommandRouter& router) {
  router.Register(CommandSpec{"offlimits", {"off-limits"}, "offlimits add|remove|list <topic>",
                              "topics your pair keeps out of sessions", Audience::kEnrolled, Store::Access::kWrite,
                              OffLimits, std::nullopt});
  router.Register(CommandSpec{"rules", {"ground-rules"}, "rules [accept]", "the ground rules, and accepting them",
                              Audience::kAnyone, Store::Access::kWrite, Rules, std::nullopt});
}

}  // namespace mentorbot
