// mentorbot roster import / mentorbot match: the matcher from the command
// line, for admins with large rosters and for other tools (--json).
#include <nlohmann/json.hpp>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "bot/app/subcommands.h"
#include "bot/app/system_clock.h"
#include "bot/app/wiring.h"
#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/matching/cohort_match.h"
#include "bot/engine/roster/roster_import.h"

namespace mentorbot {

namespace {
constexpr std::size_t kMaxRosterBytes = 64u << 20;  // a 20 000-person roster is a few MB

// Who the command line acts as in the audit log.
const UserRef kCommandLine{Platform::kConsole, "local", "mentorbot-cli"};

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (content.str().size() > kMaxRosterBytes) return std::nullopt;
  return content.str();
}

// "slack:T123" / "teams:TENANT" -> the workspace bare ids are taken in.
std::optional<UserRef> ParseWorkspace(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  auto platform = ParsePlatform(text.substr(0, colon));
  const std::string workspace = text.substr(colon + 1);
  if (!platform || workspace.empty() || workspace.find(':') != std::string::npos) return std::nullopt;
  return UserRef{*platform, workspace, "mentorbot-cli"};
}

int PrintFailure(const Status& status) {
  std::cerr << "mentorbot: " << status.message() << "\n";
  return 1;
}

nlohmann::json MatchJson(const MatchResult& result) {
  nlohmann::json pairs = nlohmann::json::array(), unmatched = nlohmann::json::array();
  for (const auto& pair : result.pairs) {
    pairs.push_back({{"mentor", pair.mentor}, {"mentee", pair.mentee}, {"score", pair.score}, {"reasons", pair.reasons}});
  }
  for (const auto& person : result.unmatched) unmatched.push_back({{"id", person.id}, {"why", person.why}});
  return {{"pairs", pairs}, {"unmatched", unmatched}, {"total_score", result.total_score}};
}

void PrintMatchText(const MatchResult& result, bool applied) {
  for (const auto& pair : result.pairs) {
    std::cout << pair.mentor << " mentors " << pair.mentee << "  score " << pair.score << ":";
    for (std::size_t i = 0; i < pair.reasons.size(); ++i) std::cout << (i ? ", " : " ") << pair.reasons[i];
    std::cout << "\n";
  }
  for (const auto& person : result.unmatched) std::cout << "not paired: " << person.id << ": " << person.why << "\n";
  std::cout << (applied ? "created " : "proposed ") << result.pairs.size() << " pairs, " << result.unmatched.size()
            << " not paired, total score " << result.total_score << ", mean score " << std::fixed
            << std::setprecision(2) << result.mean_score() << "\n";
}
}  // namespace

int RunRosterImport(const Config& config, const Secrets& secrets, const std::string& file, bool skip_bad,
                    const std::string& workspace) {
  RosterOptions options;
  if (!workspace.empty()) {
    options.workspace_of = ParseWorkspace(workspace);
    if (!options.workspace_of) {
      std::cerr << "mentorbot: --workspace: '" << workspace << "' is not slack:TEAM_ID or teams:TENANT_ID\n";
      return 2;
    }
  }
  auto content = ReadFile(file);
  if (!content) {
    std::cerr << "mentorbot: cannot read " << file << " (missing, unreadable or over 64 MiB)\n";
    return 2;
  }
  SystemClock clock;
  auto wiring = Wiring::Create(config, secrets, clock);
  if (!wiring.ok()) return PrintFailure(wiring.status());
  RosterImport result;
  const ParsedRoster parsed = ParseRoster(*content, options);
  Status status = (*wiring)->store().Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    result = ImportRoster(tx, parsed, skip_bad, clock.Now());
    tx.program().Audit(AuditEntry{clock.Now(), kCommandLine.Key(), "roster import",
                                  file + ": " + std::to_string(result.rows) + " rows" +
                                      (result.imported ? " imported" : ", nothing imported"),
                                  true});
  });
  if (!status.ok()) return PrintFailure(status);
  std::cout << RosterImportMessage(result, file, result.problems.size()).PlainText() << "\n";
  return result.imported ? 0 : 1;
}

int RunMatch(const Config& config, const Secrets& secrets, bool json, bool apply) {
  SystemClock clock;
  auto wiring = Wiring::Create(config, secrets, clock);
  if (!wiring.ok()) return PrintFailure(wiring.status());
  const ProgramSettings settings = SettingsFromConfig(config);
  std::optional<CohortMatch> match;
  Status status = (*wiring)->store().Run(apply ? Store::Access::kWrite : Store::Access::kRead, [&](StoreTransaction& tx) {
    const TimePoint now = clock.Now();
    match = ProposeMatch(tx, LoadRules(tx.program()), settings, now);
    if (!apply) return;
    Event event;
    event.from = Address{kCommandLine};
    CommandContext context(event, tx, settings, now, std::nullopt, true, "match", "--apply");
    const auto ids = ApplyMatch(context, *match);
    AuditAdminAction(context, "match apply", std::to_string(ids.size()) + " pairs created");
  });
  if (!status.ok()) return PrintFailure(status);
  if (json) {
    std::cout << MatchJson(match->result).dump(2) << "\n";
  } else {
    PrintMatchText(match->result, apply);
  }
  // Kickoffs go out now when this process can send; else the running bot sends them.
  if (apply) (*wiring)->outbox().DeliverDue();
  return 0;
}

}  // namespace mentorbot
