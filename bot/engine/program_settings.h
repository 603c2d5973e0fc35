// ProgramSettings: what the engine needs to know from configuration at start.
// (Per-program rules that admins change at run time live in the Store.)
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bot/core/address.h"

namespace mentorbot {

struct ProgramSettings {
  // The first admins, from config `program.admins`.
  std::vector<UserRef> admins;
  // IANA zone for people who have not set one.
  std::string default_time_zone = "UTC";
  // How a command is typed on each platform, e.g. {kSlack: "/mentor "}; a
  // platform not listed types the bare verb.
  std::map<Platform, std::string> command_prefix;
  // Which calendar service books sessions ("graph", "google"; empty = an
  // iCalendar file in chat), by the mentee's workspace or tenant id, with a
  // default for the rest (config `calendar.provider`, `calendar.workspaces`).
  std::string calendar_provider;
  std::map<std::string, std::string> calendar_provider_by_workspace;
  // The company directories people are synced from ("graph", "slack");
  // empty: the CSV roster only.
  std::vector<std::string> directory_sources;

  // The service for sessions whose mentee is in `workspace`; empty = files.
  const std::string& CalendarProviderFor(const std::string& workspace) const {
    const auto found = calendar_provider_by_workspace.find(workspace);
    return found == calendar_provider_by_workspace.end() ? calendar_provider : found->second;
  }
};

}  // namespace mentorbot
