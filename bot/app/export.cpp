// mentorbot export / mentorbot backup: the program's data for analysis as
// CSV files — people without their self-described background, pairs,
// sessions with dates and states, feedback ratings without comments, pulse
// answers; never an agenda, a takeaway or a cancellation reason — and a
// consistent copy of the database while the bot runs.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "bot/app/csv_writer.h"
#include "bot/app/iso_time.h"
#include "bot/app/subcommands.h"
#include "bot/app/system_clock.h"
#include "bot/app/wiring.h"
#include "storage/sqlite_backup.h"

namespace mentorbot {

namespace {
std::string Time(const std::optional<TimePoint>& time) { return time ? FormatIsoTime(*time) : ""; }
std::string Id(std::int64_t id) { return std::to_string(id); }

struct ExportFile {
  std::string name;
  std::string content;
};

std::vector<ExportFile> ExportFiles(StoreTransaction& tx) {
  ExportFile people{"people.csv", CsvRow({"id", "user", "name", "role", "enrolment", "department", "level", "manager",
                                          "time_zone", "location", "capacity", "joined_at", "left_at"})};
  for (const Person& p : tx.people().ListAll()) {
    people.content += CsvRow({Id(p.id), p.ref.Key(), p.display_name, std::string(RoleName(p.role)),
                              p.active() ? "active" : "left", p.profile.department,
                              p.profile.level ? std::to_string(*p.profile.level) : "", p.profile.manager,
                              p.profile.time_zone, p.profile.location, std::to_string(p.capacity),
                              FormatIsoTime(p.joined_at), Time(p.left_at)});
  }
  ExportFile pairs{"pairs.csv", CsvRow({"id", "mentor_id", "mentee_id", "state", "created_at", "paused_until", "ended_at",
                                        "end_reason"})};
  for (const Pair& p : tx.pairs().ListAll()) {
    pairs.content += CsvRow({Id(p.id), Id(p.mentor_id), Id(p.mentee_id), std::string(PairStateName(p.state)),
                             FormatIsoTime(p.created_at), Time(p.paused_until), Time(p.ended_at), p.end_reason});
  }
  ExportFile sessions{"sessions.csv", CsvRow({"id", "pair_id", "state", "starts_at", "minutes", "scheduled",
                                              "agenda_set_at", "takeaways_written_at", "held_at", "created_at"})};
  for (const Session& s : tx.sessions().ListAll()) {
    sessions.content += CsvRow({Id(s.id), Id(s.pair_id), std::string(SessionStateName(s.state)), FormatIsoTime(s.starts_at),
                                std::to_string(s.minutes), s.scheduled ? "yes" : "no", Time(s.agenda_set_at),
                                Time(s.takeaways_at), Time(s.held_at), FormatIsoTime(s.created_at)});
  }
  ExportFile feedback{"feedback.csv", CsvRow({"session_id", "person_id", "rating", "at"})};
  for (const Feedback& f : tx.sessions().ListFeedback()) {
    feedback.content += CsvRow({Id(f.session_id), Id(f.person_id), std::to_string(f.rating), FormatIsoTime(f.at)});
  }
  ExportFile pulse{"pulse.csv", CsvRow({"person_id", "pair_id", "phase", "question", "rating", "at"})};
  for (const PulseAnswer& a : tx.surveys().ListAnswers()) {
    pulse.content += CsvRow({Id(a.person_id), Id(a.pair_id), a.phase, std::to_string(a.question),
                             std::to_string(a.rating), FormatIsoTime(a.at)});
  }
  return {people, pairs, sessions, feedback, pulse};
}

// Written beside the target and renamed, so a file is old or whole.
bool WriteWhole(const std::filesystem::path& path, const std::string& content) {
  const auto partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out.flush()) return false;
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  return !error;
}
}  // namespace

int RunExport(const Config& config, const Secrets& secrets, const std::string& out_dir) {
  std::error_code error;
  std::filesystem::create_directories(out_dir, error);
  if (error) {
    std::cerr << "mentorbot: --out: cannot create " << out_dir << ": " << error.message() << "\n";
    return 2;
  }
  SystemClock clock;
  auto wiring = Wiring::Create(config, secrets, clock);
  if (!wiring.ok()) {
    std::cerr << "mentorbot: " << wiring.status().message() << "\n";
    return 1;
  }
  std::vector<ExportFile> files;
  Status read = (*wiring)->store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { files = ExportFiles(tx); });
  if (!read.ok()) {
    std::cerr << "mentorbot: export failed: " << read.message() << "\n";
    return 1;
  }
  for (const auto& file : files) {
    const auto path = std::filesystem::path(out_dir) / file.name;
    if (!WriteWhole(path, file.content)) {
      std::cerr << "mentorbot: cannot write " << path.string() << "\n";
      return 1;
    }
    std::size_t rows = 0;
    for (char c : file.content) rows += c == '\n';
    std::cout << path.string() << ": " << rows - 1 << " rows\n";
  }
  return 0;
}

int RunBackup(const Config& config, const std::string& out_file) {
  Status status = BackupDatabase(config.database_path, out_file);
  if (!status.ok()) {
    std::cerr << "mentorbot: " << status.message() << "\n";
    return 1;
  }
  std::cout << "backed up " << config.database_path << " to " << out_file << "\n";
  return 0;
}

}  // namespace mentorbot
