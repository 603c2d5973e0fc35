// mentorbot export / mentorbot backup: the program's data for analysis as
// CSV files (program_export.h: never an agenda, a takeaway or a
// cancellation reason) and a consistent copy of the database while the bot
// runs.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "bot/app/subcommands.h"
#include "bot/app/system_clock.h"
#include "bot/app/wiring.h"
#include "bot/engine/reporting/program_export.h"
#include "storage/sqlite_backup.h"

namespace mentorbot {

namespace {
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
  Status read = (*wiring)->store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { files = BuildProgramExport(tx); });
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
    std::cout << path.string() << ": " << file.rows << " rows\n";
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
