#include "bot/engine/command_text.h"
#include "bot/engine/program_figures.h"

#include "bot/engine/pair_snapshot.h"

namespace mentorbot {

namespace {
std::string Percent(int part, int whole) { return std::to_string((part * 100 + whole / 2) / whole) + "%"; }

}  // namespace

ProgramFigures CountProgramFigures(StoreTransaction& store, const ProgramRules& rules, TimePoint now) {
  ProgramFigures figures;
  for (const Person& person : store.people().ListActive()) {
    (person.role == Role::kMentor ? figures.mentors : figures.mentees) += 1;
  }
  for (const Pair& pair : store.pairs().ListOpen()) {
    auto snapshot = LoadPairSnapshot(store, pair);
    if (!snapshot) continue;
    const bool paused = snapshot->view.PausedAt(now);
    (paused ? figures.pairs_paused : figures.pairs_active) += 1;
    if (snapshot->held >= rules.target_sessions) ++figures.pairs_reached_target;
    TimePoint last = pair.created_at;
    if (snapshot->last_held) last = std::max(last, snapshot->last_held->starts_at);
    if (!paused && (snapshot->open || now - last <= std::chrono::days(rules.cadence_days))) ++figures.pairs_on_track;
  }
  figures.sessions_held = store.sessions().CountHeldBetween(TimePoint{}, now + std::chrono::seconds(1));
  figures.sessions_with_takeaways = store.sessions().CountTakeawaysBetween(TimePoint{}, now + std::chrono::seconds(1));
  return figures;
}

Section ProgramFiguresSection(const ProgramFigures& figures, const ProgramRules& rules) {
  Section section{RichText().Bold("The program in figures"), {}, {}};
  auto add = [&section](std::string label, std::string value) {
    section.fields.push_back(Field{std::move(label), RichText(std::move(value))});
  };
  add("Participants", Counted(figures.mentors, "mentor") + ", " + Counted(figures.mentees, "mentee"));
  add("Pairs", std::to_string(figures.pairs_active) + " active, " + std::to_string(figures.pairs_paused) + " paused");
  add("Pairs on track", std::to_string(figures.pairs_on_track) + " of " + std::to_string(figures.pairs_active));
  add("Reached " + std::to_string(rules.target_sessions) + " sessions", std::to_string(figures.pairs_reached_target));
  add("Sessions held", std::to_string(figures.sessions_held));
  add("Takeaways written", figures.sessions_held == 0
                               ? std::to_string(figures.sessions_with_takeaways)
                               : std::to_string(figures.sessions_with_takeaways) + " (" +
                                     Percent(figures.sessions_with_takeaways, figures.sessions_held) + " of sessions held)");
  return section;
}

}  // namespace mentorbot
