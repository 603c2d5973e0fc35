#include "bot/engine/directory/departures.h"

#include <spdlog/spdlog.h>

#include "bot/engine/calendar/calendar_sync.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/directory/admin_alerts.h"
#include "bot/engine/program/pair_view.h"

namespace mentorbot {

namespace {
void PausePair(CommandContext& context, PairView& view, const Person& gone) {
  view.pair.state = PairState::kPaused;
  view.pair.paused_until.reset();  // until an admin decides
  context.store.pairs().Save(view.pair);
  if (auto open = context.store.sessions().OpenSessionOf(view.pair.id)) {
    open->state = SessionState::kCancelled;
    open->cancel_reason = "a member is no longer in the company directory";
    context.store.sessions().Save(*open);
    SyncSessionCalendar(context, *open, view.pair, view.mentor, view.mentee);
  }
  const Person& partner = view.Partner(gone);
  if (!partner.active()) return;
  Notify(context, partner, "pair:" + std::to_string(view.pair.id) + ":departed:" + std::to_string(gone.id),
         Note(RichText("Your pairing with ").Append(NameOf(gone))
                  .Text(" is on hold: they are no longer in the company directory. No reminders go out; "
                        "the program's admins will be in touch.")));
}
}  // namespace

int HandleDeparture(CommandContext& context, std::int64_t person_id) {
  auto person = context.store.people().FindById(person_id);
  if (!person || !person->active()) return 0;
  person->enrolment = Enrolment::kLeft;
  person->left_at = context.now;
  context.store.people().Save(*person);
  context.store.outbox().DropPendingFor(person->ref);
  int paused = 0;
  std::string pairs;
  for (const Pair& pair : context.store.pairs().OpenPairsOf(person_id)) {
    auto view = LoadPairView(context.store, pair);
    if (!view) continue;
    PausePair(context, *view, *person);
    pairs += (pairs.empty() ? "#" : ", #") + std::to_string(pair.id);
    ++paused;
  }
  RichText what = RichText().Append(NameOf(*person)).Text(" is no longer an active account in the company directory, "
                                                          "so their enrolment has ended and nothing more is sent to them.");
  if (paused > 0) {
    what.Text(" Paused pair " + pairs + ": end it with ").Code(context.Typed("admin unpair")).Text(", or resume it if this was a mistake.");
  }
  Message message = Note(what);
  message.summary = person->display_name + " left the company directory";
  AlertAdmins(context.store, context.settings, "departed:" + std::to_string(person_id), message, context.now);
  spdlog::info("directory: participant {} left the directory; {} pairs paused", person_id, paused);
  return paused;
}

}  // namespace mentorbot
