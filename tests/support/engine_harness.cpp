#include "tests/support/engine_harness.h"

#include <stdexcept>

namespace mentorbot {

ProgramSettings EngineHarness::DefaultSettings() {
  ProgramSettings settings;
  settings.admins.push_back(SlackUser("UADMIN"));
  settings.default_time_zone = "UTC";
  settings.command_prefix[Platform::kSlack] = "/mentor ";
  return settings;
}

EngineHarness::EngineHarness(ProgramSettings settings, SqliteStore::Options store_options)
    : database_path_(dir_.File("engine.db")), clock_(TestEpoch()) {
  auto store = SqliteStore::Open(database_path_, store_options);
  if (!store.ok()) throw std::runtime_error(store.status().message());
  store_ = std::move(store).value();
  engine_ = std::make_unique<Engine>(*store_, clock_, std::move(settings));
}

Reply EngineHarness::Send(const UserRef& user, const std::string& text, const std::string& display_name) {
  Event event;
  event.kind = EventKind::kCommand;
  event.from.user = user;
  event.display_name = display_name.empty() ? user.user_id : display_name;
  event.text = text;
  return engine_->Handle(event);
}

std::optional<Person> EngineHarness::StoredPerson(const UserRef& user) {
  std::optional<Person> person;
  Status status = store_->Run(Store::Access::kRead, [&](StoreTransaction& tx) { person = tx.people().Find(user); });
  if (!status.ok()) throw std::runtime_error(status.message());
  return person;
}

}  // namespace mentorbot
