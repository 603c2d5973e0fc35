// EngineHarness: the real Engine on a real SQLite store in a temp folder, with
// a FakeClock, for transcript-style tests:
//   harness.Say(alice, "join mentee")  -> the reply as plain text.
#pragma once

#include <memory>
#include <string>

#include "bot/engine/engine.h"
#include "storage/sqlite_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"

namespace mentorbot {

class EngineHarness {
 public:
  explicit EngineHarness(ProgramSettings settings = DefaultSettings(),
                         SqliteStore::Options store_options = SqliteStore::Options{4, 200});

  // A Slack user in workspace T1.
  static UserRef SlackUser(const std::string& id) { return UserRef{Platform::kSlack, "T1", id}; }
  static ProgramSettings DefaultSettings();

  Reply Send(const UserRef& user, const std::string& text, const std::string& display_name = "");
  std::string Say(const UserRef& user, const std::string& text) { return Send(user, text).message.PlainText(); }

  // Reads a person straight from the store (not through the engine).
  std::optional<Person> StoredPerson(const UserRef& user);

  FakeClock& clock() { return clock_; }
  SqliteStore& store() { return *store_; }
  Engine& engine() { return *engine_; }
  const std::string& database_path() const { return database_path_; }

 private:
  TempDir dir_;
  std::string database_path_;
  FakeClock clock_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace mentorbot
