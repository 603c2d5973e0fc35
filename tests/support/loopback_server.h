// Starting a fake platform server (cpp-httplib) on a free 127.0.0.1 port.
#pragma once

#include <httplib.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace mentorbot {

// Binds `server` to a free loopback port, serves it on `thread` and returns
// the port once the accept loop runs (httplib's stop() does nothing before).
inline int StartOnLoopback(httplib::Server& server, std::thread& thread, const std::string& name) {
  const int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) throw std::runtime_error(name + ": cannot bind a loopback port");
  thread = std::thread([&server] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port;
}

}  // namespace mentorbot
