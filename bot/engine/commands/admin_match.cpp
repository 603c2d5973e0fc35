// admin match preview|apply|forbid|allow: the optimal pairs for everyone
// unpaired (see matcher.h), shown with their reasons before anything is
// created; apply creates them and sends each pair its kickoff.
#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/matching/cohort_match.h"
#include "bot/engine/command_text.h"
#include "bot/engine/program/mention.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
constexpr std::size_t kPairsShown = 40;      // a chat message stays readable; the CLI lists every pair
constexpr std::size_t kPairsPerSection = 10; // keeps each section under the platforms' text limits
constexpr std::size_t kUnmatchedShown = 20;

RichText NameOfKey(const Cohort& cohort, const std::string& key) {
  auto person = cohort.people.find(key);
  return person != cohort.people.end() ? NameOf(person->second) : RichText().Code(key);
}

std::string Fixed1(double value) {
  const long tenths = static_cast<long>(value * 10 + 0.5);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

RichText Joined(const std::vector<std::string>& reasons) {
  std::string text;
  for (const auto& reason : reasons) text += (text.empty() ? "" : ", ") + reason;
  return RichText(text.empty() ? "no differences found" : text);
}

// The pairs (at most kPairsShown) and the unmatched, as sections.
void AddResultSections(Message& message, const Cohort& cohort, const MatchResult& result) {
  RichText lines;
  std::size_t in_section = 0;
  for (std::size_t i = 0; i < result.pairs.size() && i < kPairsShown; ++i) {
    const auto& pair = result.pairs[i];
    if (in_section > 0) lines.Text("\n");
    lines.Text(std::to_string(i + 1) + ". ").Append(NameOfKey(cohort, pair.mentor)).Text(" mentors ")
        .Append(NameOfKey(cohort, pair.mentee)).Text(" · score " + std::to_string(pair.score) + ": ")
        .Append(Joined(pair.reasons));
    if (++in_section == kPairsPerSection) {
      message.sections.push_back(Section{lines, {}, {}});
      lines = RichText();
      in_section = 0;
    }
  }
  if (in_section > 0) message.sections.push_back(Section{lines, {}, {}});
  if (result.pairs.size() > kPairsShown) {
    message.sections.push_back(Section{RichText("…and " + Counted(result.pairs.size() - kPairsShown, "more pair") + ". ").Code("mentorbot match --json").Text(" lists every one."),
                                       {}, {}});
  }
  if (result.unmatched.empty()) return;
  RichText unmatched("Not paired:");
  for (std::size_t i = 0; i < result.unmatched.size() && i < kUnmatchedShown; ++i) {
    unmatched.Text("\n• ").Append(NameOfKey(cohort, result.unmatched[i].id)).Text(": " + result.unmatched[i].why);
  }
  if (result.unmatched.size() > kUnmatchedShown) {
    unmatched.Text("\n…and " + std::to_string(result.unmatched.size() - kUnmatchedShown) + " more.");
  }
  message.sections.push_back(Section{unmatched, {}, {}});
}

Section Figures(const MatchResult& result, std::string_view headline) {
  Section section{RichText(std::string(headline)), {}, {}};
  section.fields.push_back(Field{"Pairs", RichText(std::to_string(result.pairs.size()))});
  section.fields.push_back(Field{"Not paired", RichText(std::to_string(result.unmatched.size()))});
  section.fields.push_back(Field{"Mean score", RichText(Fixed1(result.mean_score()))});
  section.fields.push_back(Field{"Total score", RichText(std::to_string(result.total_score))});
  return section;
}

Reply Preview(CommandContext& context) {
  const CohortMatch match = ProposeMatch(context.store, context.rules(), context.settings, context.now);
  const Cohort& cohort = match.cohort;
  const MatchResult& result = match.result;
  Message message;
  message.summary = "Match preview: " + Counted(result.pairs.size(), "pair");
  message.sections.push_back(Figures(result, "Match preview for everyone not yet paired (" +
                                                 Counted(cohort.input.mentees.size(), "mentee") + ", " +
                                                 Counted(cohort.input.mentors.size(), "mentor") + " with free places):"));
  AddResultSections(message, cohort, result);
  if (!result.pairs.empty()) {
    message.sections.push_back(Section{RichText("Nothing is created yet. ").Code(context.Typed("admin match apply"))
                                           .Text(" creates these pairs and sends each their kickoff."),
                                       {}, {}});
  }
  AuditAdminAction(context, "admin match preview", std::to_string(result.pairs.size()) + " pairs proposed");
  return Reply{message, false};
}

Reply Apply(CommandContext& context) {
  const CohortMatch match = ProposeMatch(context.store, context.rules(), context.settings, context.now);
  const Cohort& cohort = match.cohort;
  const MatchResult& result = match.result;
  if (result.pairs.empty()) {
    Message message;
    message.summary = "No pairs to create";
    message.sections.push_back(Section{RichText("No pairs to create: nobody unpaired has an allowed partner."), {}, {}});
    AddResultSections(message, cohort, result);
    return Reply{message, false};
  }
  std::string created;
  for (std::int64_t id : ApplyMatch(context, match)) created += (created.empty() ? "#" : ", #") + std::to_string(id);
  AuditAdminAction(context, "admin match apply", std::to_string(result.pairs.size()) + " pairs created: " + created);
  Message message;
  message.summary = "Created " + Counted(result.pairs.size(), "pair");
  message.sections.push_back(Figures(result, "Created " + Counted(result.pairs.size(), "pair") +
                                                 "; every mentor and mentee has their kickoff message."));
  AddResultSections(message, cohort, result);
  return Reply{message, false};
}

// The key a typed person stands for: a mention or user key, or an email.
std::optional<std::string> KeyOf(CommandContext& context, std::string_view typed) {
  if (auto ref = ParseMention(typed, context.actor())) return ref->Key();
  const std::string lower = ToLower(Trim(typed));
  const auto at = lower.find('@');
  if (at != std::string::npos && at > 0 && lower.find('.', at) != std::string::npos) {
    return std::string(kEmailKeyPrefix) + lower;
  }
  return std::nullopt;
}

Reply ForbidOrAllow(CommandContext& context, std::string_view args, bool forbid) {
  auto [first, rest] = SplitFirstWord(args);
  auto [second, extra] = SplitFirstWord(rest);
  const auto a = KeyOf(context, first);
  const auto b = KeyOf(context, second);
  const std::string usage = forbid ? "admin match forbid @sam @alex" : "admin match allow @sam @alex";
  if (!a || !b || !extra.empty() || *a == *b) {
    return Problem("Name two different people (a mention, a user id or an email).",
                   RichText("For example ").Code(context.Typed(usage)));
  }
  const bool changed = forbid ? context.store.roster().AddDoNotPair(*a, *b, context.actor().Key(), context.now)
                              : context.store.roster().RemoveDoNotPair(*a, *b);
  AuditAdminAction(context, forbid ? "admin match forbid" : "admin match allow", *a + " / " + *b);
  if (forbid) {
    return Say(RichText(changed ? "Noted: the matcher will never pair " : "Already noted: the matcher never pairs ")
                   .Code(first).Text(" with ").Code(second).Text("."));
  }
  return Say(RichText(changed ? "The matcher may pair " : "Nothing to lift: nothing stopped the matcher pairing ")
                 .Code(first).Text(" with ").Code(second).Text(changed ? " again." : "."));
}
}  // namespace

Reply AdminMatch(CommandContext& context, std::string_view args) {
  auto [sub, rest] = SplitFirstWord(args);
  const std::string verb = ToLower(sub);
  if (verb == "preview" || verb.empty()) return Preview(context);
  if (verb == "apply") return Apply(context);
  if (verb == "forbid") return ForbidOrAllow(context, rest, true);
  if (verb == "allow") return ForbidOrAllow(context, rest, false);
  return Problem(RichText("There is no ").Code("admin match " + verb).Text("."),
                 RichText("Try ").Code(context.Typed("admin match preview")).Text(", ")
                     .Code(context.Typed("admin match apply")).Text(", ")
                     .Code(context.Typed("admin match forbid @a @b")).Text(" or ")
                     .Code(context.Typed("admin match allow @a @b")).Text("."));
}

}  // namespace mentorbot
