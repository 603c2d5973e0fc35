// WebhookServer: the HTTP server (cpp-httplib) in front of the neutral routes.
// It converts requests to HttpRequest, calls the route, and writes one log
// line per request: method, path, status, latency and the ids the route
// learned — never bodies, secrets or message text.
// Thread-safety: routes are added before Listen; Stop may be called from any
// thread. Routes run on the server's worker threads concurrently.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "adapters/common/http_types.h"
#include "bot/core/status_or.h"

namespace mentorbot {

struct ServerOptions {
  int threads = 32;
  std::size_t max_body_bytes = 262144;
};

class WebhookServer {
 public:
  using Route = std::function<HttpResponse(const HttpRequest&, RequestLogFields&)>;

  explicit WebhookServer(const ServerOptions& options);
  ~WebhookServer();
  WebhookServer(const WebhookServer&) = delete;
  WebhookServer& operator=(const WebhookServer&) = delete;

  void Get(const std::string& path, Route route);
  void Post(const std::string& path, Route route);

  // Binds host:port (port 0 = any free port). Returns the bound port.
  StatusOr<int> Bind(const std::string& host, int port);
  // Serves until Stop. REQUIRES: Bind succeeded.
  void Serve();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mentorbot
