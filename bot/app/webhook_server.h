// WebhookServer: the HTTP server (cpp-httplib) in front of the neutral routes.
// It converts requests to HttpRequest, calls the route (a registered path
// asked with another method gets 405 with Allow), and writes one log
// line per request: method, path, status, latency and the ids the route
// learned — never bodies, secrets or message text. It counts the requests in
// flight (headers read, response not yet written) and reports each finished
// request to an observer (the metrics). Only a few routes run at once (a
// FifoGate); other requests wait for them in arrival order.
// Thread-safety: routes and the observer are set before Listen; Stop,
// BeginShutdown and the accessors may be called from any thread. Routes run
// on the server's worker threads concurrently.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "adapters/common/http_types.h"
#include "bot/core/status_or.h"

namespace mentorbot {

struct ServerOptions {
  int threads = 32;
  // Routes running at once; more requests wait in arrival order. 0: eight
  // per core.
  int active_requests = 0;
  std::size_t max_body_bytes = 262144;
};

class WebhookServer {
 public:
  using Route = std::function<HttpResponse(const HttpRequest&, RequestLogFields&)>;
  // Called once per answered request, after the response was written:
  // `route` is the registered path ("other" when none matched), `seconds`
  // from the end of the headers to the end of the response (0 when the
  // request was refused before routing).
  using Observer = std::function<void(const std::string& route, int status, double seconds)>;

  explicit WebhookServer(const ServerOptions& options);
  ~WebhookServer();
  WebhookServer(const WebhookServer&) = delete;
  WebhookServer& operator=(const WebhookServer&) = delete;

  void Get(const std::string& path, Route route);
  void Post(const std::string& path, Route route);
  void SetObserver(Observer observer);

  // Binds host:port (port 0 = any free port). Returns the bound port.
  StatusOr<int> Bind(const std::string& host, int port);
  // Serves until Stop, then returns once every request already being read or
  // handled has been answered (and idle keep-alive connections have timed
  // out, at most 5 s). REQUIRES: Bind succeeded.
  void Serve();
  // Closes the listening socket: no new connections.
  void Stop();

  // Marks the server as going away (GET /readyz answers 503); it still
  // answers requests until Stop.
  void BeginShutdown();
  bool shutting_down() const;
  int in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mentorbot
