// pulse pre|post <r1> <r2> <r3>: answering the pulse survey (its form runs
// this). Answers are stored per person and pair; admins only ever see the
// program's mean per statement, before and after (admin report).
#include <charconv>

#include "bot/engine/commands/command_router.h"
#include "bot/engine/command_text.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/commands/pair_commands.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
std::optional<int> Rating(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > 5) return std::nullopt;
  return value;
}

Reply Pulse(CommandContext& context) {
  auto view = RequirePair(context);
  if (!view.ok()) return view.status_reply();
  const std::size_t statements = context.rules().pulse_questions.size();
  auto [phase, rest] = SplitFirstWord(context.args);
  std::vector<int> ratings;
  for (auto [word, more] = SplitFirstWord(rest); !word.empty(); std::tie(word, more) = SplitFirstWord(more)) {
    auto rating = Rating(word);
    if (!rating) break;
    ratings.push_back(*rating);
  }
  if ((phase != "pre" && phase != "post") || ratings.size() != statements) {
    return Problem("Give the survey's phase and one rating from 1 to 5 per statement.",
                   RichText("For example ").Code(context.Typed("pulse pre 4 3 5")).Text(", or use the survey's form."));
  }
  const int held = context.store.sessions().CountHeld(view->pair.id);
  if (phase == "post" && held < context.rules().target_sessions) {
    return Problem("The closing survey comes once your pair has held " + std::to_string(context.rules().target_sessions) +
                       " sessions (you've held " + std::to_string(held) + ").",
                   "You'll get it then.");
  }
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    context.store.surveys().SaveAnswer(PulseAnswer{context.person->id, view->pair.id, std::string(phase),
                                                   static_cast<int>(i + 1), ratings[i], context.now});
  }
  return Say(RichText("Thank you: your answers are saved. Admins only ever see the program's averages."));
}
}  // namespace

void RegisterPulseCommand(CommandRouter& router) {
  router.Register(CommandSpec{"pulse", {}, "pulse pre|post <1-5> <1-5> <1-5>", "answer the pulse survey",
                              Audience::kEnrolled, Store::Access::kWrite, Pulse, std::nullopt});
}

}  // namespace mentorbot
