// admin pair <mentor> <mentee> and admin unpair <pair|person>. Pairing
// enforces the program's first rule: never inside one leadership chain.
#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/command_text.h"
#include "bot/engine/roster/leadership_chain.h"
#include "bot/engine/roster/manager_lookup.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/program/pair_lifecycle.h"
#include "bot/engine/program/profile_fields.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
RichText ChainText(StoreTransaction& store, const std::vector<std::string>& chain) {
  RichText text;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    if (i > 0) text.Text(" reports to ");
    auto ref = UserRef::Parse(chain[i]);
    auto person = ref ? store.people().Find(*ref) : std::nullopt;
    if (person) {
      text.Append(NameOf(*person));
    } else if (ref) {
      text.Mention(*ref, ref->user_id);
    }
  }
  return text;
}

// Why `person` cannot be paired as `role` now, or nullopt if they can.
std::optional<RichText> Unavailable(CommandContext& context, const std::optional<Person>& person, std::string_view typed,
                                    Role role) {
  if (!person || !person->active()) return RichText().Code(std::string(typed)).Text(" is not enrolled in the program.");
  if (person->role != role) {
    return NameOf(*person).Text(" is enrolled as a " + std::string(RoleName(person->role)) + "; write the mentor first, then the mentee.");
  }
  const auto pairs = context.store.pairs().OpenPairsOf(person->id);
  const int places = role == Role::kMentor ? person->capacity : 1;
  if (static_cast<int>(pairs.size()) >= places) {
    return NameOf(*person).Text(pairs.size() == 1 ? " is already in pair #" + std::to_string(pairs.back().id) + "."
                                                  : " already mentors " + std::to_string(pairs.size()) +
                                                        " people, their capacity.");
  }
  return std::nullopt;
}
}  // namespace

Reply AdminPair(CommandContext& context, std::string_view args) {
  auto [mentor_text, rest] = SplitFirstWord(args);
  auto [mentee_text, extra] = SplitFirstWord(rest);
  if (mentor_text.empty() || mentee_text.empty() || !extra.empty()) {
    return Problem("Name the mentor, then the mentee.", RichText("For example ").Code(context.Typed("admin pair @sam @alex")));
  }
  const auto mentor = FindMentioned(context, mentor_text);
  const auto mentee = FindMentioned(context, mentee_text);
  for (auto [person, typed, role] : {std::tuple{&mentor, mentor_text, Role::kMentor}, std::tuple{&mentee, mentee_text, Role::kMentee}}) {
    if (auto why = Unavailable(context, *person, typed, role)) {
      AuditAdminAction(context, "admin pair refused", why->PlainText());
      return Problem(RichText("Not paired: ").Append(*why), RichText(context.Typed("status")).Text(" of each person shows where they stand."));
    }
  }
  auto chain = ChainBetween(mentor->ref.Key(), mentee->ref.Key(),
                            [&](const std::string& key) { return ManagerKeyOf(context.store, key); });
  if (chain) {
    AuditAdminAction(context, "admin pair refused", "same leadership chain: " + mentor->ref.Key() + " / " + mentee->ref.Key());
    return Problem(RichText("Not paired: they are in the same leadership chain (").Append(ChainText(context.store, *chain))
                       .Text("). A mentor and mentee must never manage one another, directly or indirectly."),
                   "Pick a mentor from outside this chain.");
  }
  PairView view = StartPair(context, *mentor, *mentee);
  AuditAdminAction(context, "admin pair", "pair #" + std::to_string(view.pair.id) + ": " + mentor->ref.Key() + " mentors " +
                                              mentee->ref.Key());
  return Say(RichText("Paired ").Append(NameOf(*mentor)).Text(" (mentor) with ").Append(NameOf(*mentee))
                 .Text(" (mentee) as pair #" + std::to_string(view.pair.id) + ". Both have their kickoff message."));
}

Reply AdminUnpair(CommandContext& context, std::string_view args) {
  std::string_view target = Trim(args);
  if (!target.empty() && target.front() == '#') target.remove_prefix(1);
  if (target.empty()) {
    return Problem("Which pair? Give its number or one of its members.", RichText("For example ").Code(context.Typed("admin unpair #12")));
  }
  std::optional<Pair> pair;
  if (target.find_first_not_of("0123456789") == std::string_view::npos && target.size() < 12) {
    pair = context.store.pairs().Find(std::stoll(std::string(target)));
  } else if (auto person = FindMentioned(context, target)) {
    const auto pairs = context.store.pairs().OpenPairsOf(person->id);
    if (pairs.size() > 1) {
      std::string numbers;
      for (const auto& each : pairs) numbers += (numbers.empty() ? "#" : ", #") + std::to_string(each.id);
      return Problem(NameOf(*person).Text(" is in " + std::to_string(pairs.size()) + " pairs (" + numbers + ")."),
                     RichText("Give the pair's number, e.g. ").Code(context.Typed("admin unpair #" + std::to_string(pairs.front().id))));
    }
    if (!pairs.empty()) pair = pairs.front();
  }
  if (!pair || !pair->open()) return Problem("There is no open pair like that.", "Check the pair number with the members' status.");
  auto view = LoadPairView(context.store, *pair);
  if (!view) return Problem("That pair's members could not be found.", "Try again, or check the database.");
  EndPair(context, *view, "an admin ended it", 0);
  AuditAdminAction(context, "admin unpair", "pair #" + std::to_string(pair->id));
  return Say(RichText("Ended pair #" + std::to_string(pair->id) + " (").Append(NameOf(view->mentor)).Text(" and ")
                 .Append(NameOf(view->mentee)).Text("). Both have been told."));
}

}  // namespace mentorbot
