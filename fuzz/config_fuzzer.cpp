// The configuration file's text through ParseConfig (bot/app/config.h):
// anything but a valid config must be refused with a reason, never crash.
#include <string>

#include "bot/app/config.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mentorbot;
  auto config = ParseConfig(std::string(fuzz::Text(data, size)));
  if (!config.ok()) {
    fuzz::Require(!config.status().message().empty(), "a refused config says why");
  } else {
    fuzz::Require(config->server_port >= 0 && config->server_port <= 65535, "server.port is in range");
    fuzz::Require(config->server_threads >= 1 && config->server_threads <= 256, "server.threads is in range");
  }
  return 0;
}
