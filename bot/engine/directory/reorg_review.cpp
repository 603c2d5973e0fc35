#include "bot/engine/directory/reorg_review.h"

#include <spdlog/spdlog.h>

#include "bot/engine/delivery/notifications.h"
#include "bot/engine/directory/admin_alerts.h"
#include "bot/engine/program/pair_view.h"
#include "bot/engine/roster/leadership_chain.h"
#include "bot/engine/roster/manager_lookup.h"

namespace mentorbot {

namespace {
RichText ChainNames(StoreTransaction& store, const std::vector<std::string>& chain) {
  RichText names;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    if (i > 0) names.Text(" reports to ");
    const auto ref = UserRef::Parse(chain[i]);
    const auto person = ref ? store.people().Find(*ref) : std::nullopt;
    if (person) {
      names.Append(NameOf(*person));
    } else if (auto entry = store.roster().Find(chain[i]); entry && !entry->name.empty()) {
      names.Text(entry->name);
    } else {
      names.Code(chain[i]);
    }
  }
  return names;
}

Message ReviewMessage(StoreTransaction& store, const PairView& view, const std::vector<std::string>& chain) {
  const std::string pair = std::to_string(view.pair.id);
  RichText what = RichText("After a change in the company directory, pair #" + pair + " (")
                      .Append(NameOf(view.mentor)).Text(" mentoring ").Append(NameOf(view.mentee))
                      .Text(") is inside one leadership chain: ").Append(ChainNames(store, chain))
                      .Text(". Reverse mentoring needs them outside each other's chain. The pair has not been told.");
  Message message;
  message.summary = "Pair #" + pair + " is now inside one leadership chain";
  Section section{what, {}, {}};
  section.buttons.push_back(Button{"End the pairing and rematch", "admin", "directory end " + pair, Button::Style::kDanger});
  section.buttons.push_back(Button{"Keep it (recorded in the audit log)", "admin", "directory keep " + pair});
  message.sections.push_back(std::move(section));
  return message;
}
}  // namespace

std::string ChainText(const std::vector<std::string>& keys) {
  std::string text;
  for (const auto& key : keys) text += (text.empty() ? "" : " > ") + key;
  return text;
}

int ReviewOpenPairs(StoreTransaction& store, const ProgramSettings& settings, TimePoint now) {
  int flagged = 0;
  const ManagerLookup manager_of = [&](const std::string& key) { return ManagerKeyOf(store, key); };
  for (const Pair& pair : store.pairs().ListOpen()) {
    auto view = LoadPairView(store, pair);
    if (!view) continue;
    const auto chain = ChainBetween(view->mentor.ref.Key(), view->mentee.ref.Key(), manager_of);
    if (!chain) continue;
    const std::string text = ChainText(*chain);
    const auto earlier = store.directory().FindChainReview(pair.id);
    if (earlier && earlier->chain == text) continue;  // asked already (and maybe decided)
    store.directory().SaveChainReview(ChainReview{pair.id, text, now, "", "", std::nullopt});
    AlertAdmins(store, settings, "reorg:" + std::to_string(pair.id) + ":" + Fingerprint(text),
                ReviewMessage(store, *view, *chain), now);
    spdlog::warn("directory: pair #{} is now inside one leadership chain: {}", pair.id, text);
    ++flagged;
  }
  return flagged;
}

}  // namespace mentorbot
