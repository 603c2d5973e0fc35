// ConsoleSession: the console adapter. Each line read is one command from one
// fixed person (a "console" user by default, or any platform identity), and
// the engine's reply is printed as plain text. Lets anyone try the bot
// without a Slack or Teams account, against the same database.
// Thread-safety: single-threaded.
#pragma once

#include <functional>
#include <istream>
#include <optional>
#include <ostream>

#include "bot/core/address.h"
#include "bot/core/event_handler.h"

namespace mentorbot {

class ConsoleSession {
 public:
  // REQUIRES: handler outlives the session.
  ConsoleSession(EventHandler& handler, UserRef user) : handler_(handler), user_(std::move(user)) {}

  // Reads commands until end of input or a line "quit"/"exit". Blank lines
  // are skipped. `prompt` is written before each line when non-empty.
  // `between` (if set) runs before the first prompt and after each reply,
  // e.g. to print messages other people's actions left for this user.
  void Run(std::istream& in, std::ostream& out, const std::string& prompt,
           const std::function<void()>& between = nullptr);

 private:
  EventHandler& handler_;
  UserRef user_;
};

// "alice" -> console:local:alice; "slack:T1:U1" is taken as it is.
std::optional<UserRef> ParseConsoleUser(std::string_view text);

}  // namespace mentorbot
