#include "tests/support/bot_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#ifndef MENTORBOT_BINARY
#error "MENTORBOT_BINARY must name the mentorbot executable"
#endif

namespace mentorbot {

namespace {
std::vector<std::string> EnvironmentStrings(const Environment& env) {
  std::vector<std::string> strings = {"PATH=/usr/bin:/bin"};
  if (const char* asan = std::getenv("ASAN_OPTIONS")) strings.push_back(std::string("ASAN_OPTIONS=") + asan);
  if (const char* ubsan = std::getenv("UBSAN_OPTIONS")) strings.push_back(std::string("UBSAN_OPTIONS=") + ubsan);
  for (const auto& [name, value] : env) strings.push_back(name + "=" + value);
  return strings;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Forks and execs mentorbot with stdin/stdout/stderr on the given descriptors.
pid_t Spawn(std::vector<std::string> args, const Environment& env, int in, int out, int err) {
  args.insert(args.begin(), MENTORBOT_BINARY);
  auto env_strings = EnvironmentStrings(env);
  auto argv = Pointers(args);
  auto envp = Pointers(env_strings);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(in, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  return pid;
}

std::string ReadFile(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

std::string TestConfigJson(const std::string& database_path, const std::vector<std::string>& admins,
                           const std::string& extra_server_keys) {
  std::string admin_list;
  for (const auto& admin : admins) admin_list += (admin_list.empty() ? "\"" : ", \"") + admin + "\"";
  return "{\"server\": {\"host\": \"127.0.0.1\", \"port\": 0, \"threads\": 8" + extra_server_keys +
         "}, \"database\": {\"path\": \"" + database_path +
         "\"}, \"slack\": {\"api_base_url\": \"http://127.0.0.1:9/api\"}, \"log\": {\"level\": \"info\"}, "
         "\"program\": {\"admins\": [" + admin_list + "]}}";
}

BotProcess::BotProcess(const TempDir& dir, const std::string& config_json, const Environment& env)
    : log_path_(dir.File("bot.log")) {
  const std::string config_path = dir.File("config.json");
  std::ofstream(config_path) << config_json;
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  const int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  const int null = open("/dev/null", O_RDONLY);
  pid_ = Spawn({"serve", "--config", config_path}, env, null, out[1], log);
  close(out[1]);
  close(log);
  close(null);

  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  const std::string marker = "listening on http://127.0.0.1:";
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd poll_fd{out[0], POLLIN, 0};
    if (poll(&poll_fd, 1, 100) > 0) {
      char buffer[256];
      const ssize_t n = read(out[0], buffer, sizeof buffer);
      if (n <= 0) break;
      seen.append(buffer, static_cast<std::size_t>(n));
      const auto at = seen.find(marker);
      if (at != std::string::npos && seen.find('\n', at) != std::string::npos) {
        port_ = std::stoi(seen.substr(at + marker.size()));
        break;
      }
    }
  }
  close(out[0]);
  if (port_ == 0) {
    Stop(SIGKILL);
    throw std::runtime_error("mentorbot did not start; its log:\n" + Log());
  }
}

BotProcess::~BotProcess() {
  if (pid_ > 0) Stop(SIGKILL);
}

int BotProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

std::string BotProcess::Log() const { return ReadFile(log_path_); }

RunResult RunMentorbot(const std::vector<std::string>& args, const std::string& input, const Environment& env) {
  TempDir dir;
  const std::string in_path = dir.File("stdin"), out_path = dir.File("stdout"), err_path = dir.File("stderr");
  std::ofstream(in_path) << input;
  const int in = open(in_path.c_str(), O_RDONLY);
  const int out = open(out_path.c_str(), O_WRONLY | O_CREAT, 0600);
  const int err = open(err_path.c_str(), O_WRONLY | O_CREAT, 0600);
  const pid_t pid = Spawn(args, env, in, out, err);
  close(in);
  close(out);
  close(err);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

}  // namespace mentorbot
