// mentorbot directory sync: a full sync from the command line, for the
// first import and for operators checking a directory's permissions.
#include <iostream>

#include "bot/app/subcommands.h"
#include "bot/app/system_clock.h"
#include "bot/app/wiring.h"

namespace mentorbot {

int RunDirectorySync(const Config& config, const Secrets& secrets, const std::string& workspace) {
  SystemClock clock;
  auto wiring = Wiring::Create(config, secrets, clock);
  if (!wiring.ok()) {
    std::cerr << "mentorbot: " << wiring.status().message() << "\n";
    return 1;
  }
  if (!(*wiring)->has_directories()) {
    std::cerr << "mentorbot: no directory is configured (directory.graph_tenant_id, directory.slack)\n";
    return 2;
  }
  const auto summaries = (*wiring)->directory_sync().SyncAll(
      true, workspace, [](const std::string& line) { std::cerr << line << "\n"; });
  bool failed = summaries.empty();
  if (summaries.empty()) std::cerr << "mentorbot: no directory has the workspace " << workspace << "\n";
  for (const auto& summary : summaries) {
    std::cout << SummaryLine(summary) << "\n";
    if (!summary.status.ok()) failed = true;
  }
  // What the sync queued (reorg reviews, departures) goes out with the bot's next delivery round.
  return failed ? 1 : 0;
}

}  // namespace mentorbot
