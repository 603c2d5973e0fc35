// Recorded platform payloads in tests/adapters/fixtures.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace mentorbot {

inline std::string ReadFixture(const std::string& name) {
  std::ifstream file(std::string(MENTORBOT_FIXTURES) + "/" + name, std::ios::binary);
  if (!file) throw std::runtime_error("no fixture " + name);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace mentorbot
