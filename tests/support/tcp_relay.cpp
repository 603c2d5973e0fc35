#include "tests/support/tcp_relay.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace mentorbot {

namespace {
sockaddr_in Loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// Copies what `from` has to `to`; false once `from` closed or failed.
bool Pass(int from, int to) {
  char buffer[16384];
  const ssize_t n = recv(from, buffer, sizeof buffer, 0);
  if (n <= 0) return false;
  for (ssize_t sent = 0; sent < n;) {
    const ssize_t m = send(to, buffer + sent, static_cast<std::size_t>(n - sent), MSG_NOSIGNAL);
    if (m <= 0) return false;
    sent += m;
  }
  return true;
}
}  // namespace

TcpRelay::TcpRelay(int target_port) : target_port_(target_port) { Listen(); }

TcpRelay::~TcpRelay() { Close(); }

void TcpRelay::Listen() {
  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  const int yes = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address = Loopback(port_);
  if (bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(listener, 64) != 0) {
    close(listener);
    throw std::runtime_error("relay: cannot listen on 127.0.0.1:" + std::to_string(port_));
  }
  socklen_t length = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  listener_ = listener;
  acceptor_ = std::thread([this, listener] { Accept(listener); });
}

void TcpRelay::Close() {
  if (listener_ < 0) return;
  shutdown(listener_, SHUT_RDWR);  // wakes accept()
  acceptor_.join();
  close(listener_);
  listener_ = -1;
  std::vector<std::thread> forwarders;
  {
    std::lock_guard lock(mutex_);
    for (int socket : open_) shutdown(socket, SHUT_RDWR);
    forwarders.swap(forwarders_);
  }
  for (auto& forwarder : forwarders) forwarder.join();
}

void TcpRelay::SetRefusing(bool refusing) {
  if (refusing) {
    Close();
  } else if (listener_ < 0) {
    Listen();
  }
}

void TcpRelay::Accept(int listener) {
  for (;;) {
    const int client = accept(listener, nullptr, nullptr);
    if (client < 0) return;  // shut down
    const int upstream = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in target = Loopback(target_port_);
    if (connect(upstream, reinterpret_cast<sockaddr*>(&target), sizeof target) != 0) {
      close(upstream);
      close(client);
      continue;
    }
    std::lock_guard lock(mutex_);
    open_.insert(client);
    open_.insert(upstream);
    forwarders_.emplace_back([this, client, upstream] { Forward(client, upstream); });
  }
}

void TcpRelay::Forward(int client, int upstream) {
  pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
  for (bool open = true; open;) {
    if (poll(fds, 2, -1) < 0) break;
    if (fds[0].revents != 0) open = Pass(client, upstream);
    if (open && fds[1].revents != 0) open = Pass(upstream, client);
  }
  std::lock_guard lock(mutex_);
  open_.erase(client);
  open_.erase(upstream);
  close(client);
  close(upstream);
}

}  // namespace mentorbot
