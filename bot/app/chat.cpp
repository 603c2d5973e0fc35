// mentorbot chat: the console adapter on the same database as the server.
#include <unistd.h>

#include <iostream>

#include "adapters/console/console_sender.h"
#include "adapters/console/console_session.h"
#include "bot/engine/delivery/outbox_worker.h"
#include "bot/app/subcommands.h"
#include "bot/app/system_clock.h"
#include "bot/app/wiring.h"

namespace mentorbot {

int RunChat(const Config& config, const Secrets& secrets, const std::string& user) {
  auto ref = ParseConsoleUser(user);
  if (!ref) {
    std::cerr << "mentorbot: --as: '" << user << "' is not a name or a user key like slack:T0001:U0001\n";
    return 2;
  }
  SystemClock clock;
  auto wiring = Wiring::Create(config, secrets, clock);
  if (!wiring.ok()) {
    std::cerr << "mentorbot: cannot start: " << wiring.status().message() << "\n";
    return 1;
  }
  const bool interactive = isatty(STDIN_FILENO) != 0;
  if (interactive) {
    std::cout << "mentorbot chat as " << ref->Key() << ". Type help to begin, quit to leave.\n";
  }
  // Messages for this console user (from other people's actions) are shown
  // between commands; everyone else's stay queued for their own platform.
  ConsoleSender sender(std::cout, &(*wiring)->store());
  OutboxWorker inbox((*wiring)->store(), clock, {{Platform::kConsole, &sender}}, OutboxOptions{}, *ref);
  ConsoleSession session((*wiring)->engine(), *ref);
  session.Run(std::cin, std::cout, interactive ? "> " : "", [&inbox] { inbox.DeliverDue(); });
  return 0;
}

}  // namespace mentorbot
