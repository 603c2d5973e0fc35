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
};

}  // namespace mentorbot
