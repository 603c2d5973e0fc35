// Packing files into one ZIP archive in memory (libzip, deflate), so an
// export reaches a chat as a single download.
#pragma once

#include <string>
#include <vector>

#include "bot/core/clock.h"
#include "bot/core/status_or.h"
#include "bot/engine/reporting/program_export.h"

namespace mentorbot {

// The archive's bytes; every entry is dated `modified`. Internal error only
// when libzip fails (out of memory).
StatusOr<std::string> ZipFiles(const std::vector<ExportFile>& files, TimePoint modified);

}  // namespace mentorbot
