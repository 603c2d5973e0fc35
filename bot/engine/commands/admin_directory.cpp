// admin directory sync: a full sync now (the directory sync's thread runs
// it and sends the summary). admin directory end|keep <pair>: what an admin decides about a pair a
// directory sync found inside one leadership chain (reorg_review.h). Ending
// tells the pair why and shows the rematch; keeping is recorded in the
// audit log with the chain.
#include "bot/engine/command_text.h"
#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/program/pair_lifecycle.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
struct Reviewed {
  ChainReview review;
  PairView view;
};

std::optional<Reviewed> FindReviewed(CommandContext& context, std::string_view number) {
  if (!number.empty() && number.front() == '#') number.remove_prefix(1);
  if (number.empty() || number.size() > 12 || number.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const std::int64_t id = std::stoll(std::string(number));
  auto review = context.store.directory().FindChainReview(id);
  auto pair = context.store.pairs().Find(id);
  if (!review || !pair) return std::nullopt;
  auto view = LoadPairView(context.store, *pair);
  if (!view) return std::nullopt;
  return Reviewed{*review, *view};
}

Reply Decided(const ChainReview& review) {
  return Say("Pair #" + std::to_string(review.pair_id) + " was already decided (" + review.decision + " by " +
             review.decided_by + "). Nothing changed.");
}

Reply End(CommandContext& context, Reviewed& reviewed) {
  ChainReview& review = reviewed.review;
  if (!review.decision.empty()) return Decided(review);
  if (reviewed.view.pair.open()) {
    EndPair(context, reviewed.view,
            "after a change in the company directory you are in one leadership chain, which reverse mentoring "
            "avoids; an admin ended it so you can each be matched again",
            0);
  }
  review.decision = "ended";
  review.decided_by = context.actor().Key();
  review.decided_at = context.now;
  context.store.directory().SaveChainReview(review);
  AuditAdminAction(context, "admin directory end", "pair #" + std::to_string(review.pair_id) + " in one chain: " + review.chain);
  Reply reply = Say(RichText("Ended pair #" + std::to_string(review.pair_id) + " (").Append(NameOf(reviewed.view.mentor))
                        .Text(" and ").Append(NameOf(reviewed.view.mentee)).Text("); both were told why."));
  Reply rematch = AdminMatch(context, "preview");
  for (auto& section : rematch.message.sections) reply.message.sections.push_back(std::move(section));
  return reply;
}

Reply Keep(CommandContext& context, Reviewed& reviewed) {
  ChainReview& review = reviewed.review;
  if (!review.decision.empty()) return Decided(review);
  review.decision = "kept";
  review.decided_by = context.actor().Key();
  review.decided_at = context.now;
  context.store.directory().SaveChainReview(review);
  AuditAdminAction(context, "admin directory keep", "pair #" + std::to_string(review.pair_id) + " kept in one chain: " + review.chain);
  return Say("Kept pair #" + std::to_string(review.pair_id) +
             " as it is; the decision and the chain are in the audit log. You will be asked again only if the chain changes.");
}
}  // namespace

Reply AdminDirectory(CommandContext& context, std::string_view args) {
  auto [verb, rest] = SplitFirstWord(args);
  if (verb == "sync") {
    if (context.settings.directory_sources.empty()) {
      return Problem("No company directory is configured, so there is nothing to sync.",
                     "Set directory.graph_tenant_id or directory.slack in the bot's config; the CSV roster keeps working.");
    }
    context.store.directory().RequestSync(context.actor().Key(), context.now);
    AuditAdminAction(context, "admin directory sync", "requested");
    return Say("Syncing people from the company directory now; I'll send you the summary when it is done.");
  }
  if (verb == "end" || verb == "keep") {
    auto reviewed = FindReviewed(context, Trim(rest));
    if (!reviewed) {
      return Problem("There is no pair waiting for a decision like that.",
                     RichText("Use the buttons of the message about the pair, e.g. ")
                         .Code(context.Typed("admin directory keep 12")));
    }
    return verb == "end" ? End(context, *reviewed) : Keep(context, *reviewed);
  }
  return Problem(RichText("Try ").Code(context.Typed("admin directory end <pair>")).Text(" or ")
                     .Code(context.Typed("admin directory keep <pair>")).Text("."),
                 "They decide about a pair a directory sync found inside one leadership chain.");
}

}  // namespace mentorbot
