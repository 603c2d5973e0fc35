// BotProcess: the real mentorbot binary, started for an integration test on a
// free loopback port with its own config and database, and talked to over
// HTTP. Killed (SIGKILL) if still running when destroyed.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace mentorbot {

using Environment = std::map<std::string, std::string>;

// A config for tests: port 0, database `database_path`, admins as given.
std::string TestConfigJson(const std::string& database_path, const std::vector<std::string>& admins = {},
                           const std::string& extra_server_keys = "");

class BotProcess {
 public:
  // Writes `config_json` to a file in `dir`, starts `mentorbot serve` with the
  // given environment (only PATH and these), and waits until it listens.
  // Throws std::runtime_error if it does not start within 20 s.
  BotProcess(const TempDir& dir, const std::string& config_json, const Environment& env);
  ~BotProcess();
  BotProcess(const BotProcess&) = delete;
  BotProcess& operator=(const BotProcess&) = delete;

  int port() const { return port_; }
  // Sends `signal` and waits; returns the raw wait status.
  int Stop(int signal);
  // What the process wrote to stderr (its log) so far.
  std::string Log() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs mentorbot with `args` to completion, feeding `input` on stdin.
RunResult RunMentorbot(const std::vector<std::string>& args, const std::string& input = "",
                       const Environment& env = {});

}  // namespace mentorbot
