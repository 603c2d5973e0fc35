// Reading a ZIP archive in memory (libzip), to check what an export holds.
#pragma once

#include <map>
#include <string>

namespace mentorbot {

// Entry name -> content. Throws std::runtime_error when it is no ZIP.
std::map<std::string, std::string> ReadZip(const std::string& bytes);

}  // namespace mentorbot
