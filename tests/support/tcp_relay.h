// TcpRelay: a TCP forwarder on 127.0.0.1 in front of a test server, which
// can stop listening for a while — new connections are refused and open
// ones cut, as when a platform is unreachable — and listen again on the
// same port. Point the bot at url() instead of the server.
// Thread-safety: SetRefusing is called by the test's thread; forwarding
// runs on the relay's own threads.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace mentorbot {

class TcpRelay {
 public:
  // Forwards to 127.0.0.1:`target_port`. Throws std::runtime_error if it
  // cannot listen.
  explicit TcpRelay(int target_port);
  ~TcpRelay();
  TcpRelay(const TcpRelay&) = delete;
  TcpRelay& operator=(const TcpRelay&) = delete;

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // true: closes the listening socket and every forwarded connection; false:
  // listens again on the same port. Throws if the port cannot be bound again.
  void SetRefusing(bool refusing);

 private:
  void Listen();
  void Close();
  void Accept(int listener);
  void Forward(int client, int upstream);

  int target_port_;
  int port_ = 0;
  int listener_ = -1;
  std::thread acceptor_;

  std::mutex mutex_;
  std::set<int> open_;                 // sockets being forwarded; guarded by mutex_
  std::vector<std::thread> forwarders_;  // guarded by mutex_
};

}  // namespace mentorbot
