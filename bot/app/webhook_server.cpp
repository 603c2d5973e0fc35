#include "bot/app/webhook_server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <thread>

#include "bot/app/fifo_gate.h"

namespace mentorbot {

namespace {
// The request this worker thread is answering: opened by the pre-routing
// handler, closed by the logger (which the library calls after writing any
// response). A request refused before routing (headers too large, body over
// the limit by Content-Length) reaches the logger without being opened.
struct RequestScope {
  bool open = false;  // counted in flight
  std::chrono::steady_clock::time_point start;
  const std::string* route = nullptr;  // the registered path whose handler ran
  bool route_logged = false;           // the route wrote the log line itself
};
thread_local RequestScope scope;

// Eight per core: enough to keep the cores busy while some requests wait on
// the disk (a commit's fsync), few enough that the scheduler does not
// preempt requests half-done (measured at 32 connections on 2 cores: 4 per
// core cost a quarter of the throughput, 8 and 16 per core were alike).
int DefaultActiveRequests() {
  return 8 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

HttpRequest ToNeutral(const httplib::Request& request, std::string body) {
  HttpRequest neutral;
  neutral.method = request.method;
  neutral.path = request.path;
  neutral.body = std::move(body);
  neutral.remote_address = request.remote_addr;
  for (const auto& [name, value] : request.headers) {
    std::string key = name;
    for (char& c : key) {  // ASCII only, as header names are; std::tolower's locale lookup showed in profiles
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    neutral.headers.emplace(std::move(key), value);
  }
  return neutral;
}
}  // namespace

struct WebhookServer::Impl {
  explicit Impl(int active_requests) : gate(active_requests) {}

  httplib::Server server;
  FifoGate gate;  // how many routes run at once; the rest wait their turn
  std::size_t max_body_bytes = 0;
  std::deque<std::string> paths;  // route labels; a deque keeps their addresses
  std::map<std::string, std::string> allowed;  // path -> its methods, for 405's Allow header
  Observer observer;
  std::atomic<int> in_flight{0};
  std::atomic<bool> shutting_down{false};
  std::atomic<bool> serving{false};
  std::atomic<bool> stop_requested{false};

  void Open() {
    if (scope.open) --in_flight;  // the previous request never reached the logger
    scope = RequestScope{true, std::chrono::steady_clock::now()};
    ++in_flight;
  }

  void Close(const httplib::Request& request, const httplib::Response& response) {
    if (!scope.route_logged) {
      spdlog::warn("{} {} {} (no route ran) peer={}", request.method, request.path, response.status,
                   request.remote_addr);
    }
    if (observer) {
      const std::chrono::duration<double> elapsed =
          scope.open ? std::chrono::steady_clock::now() - scope.start : std::chrono::duration<double>(0);
      observer(scope.route != nullptr ? *scope.route : std::string("other"), response.status, elapsed.count());
    }
    if (scope.open) --in_flight;
    scope = RequestScope{};
  }

  // POST bodies are read through a content reader: the library's own body
  // handling refuses form-encoded bodies over 8 KiB (a limit compiled into
  // Debian's libcpp-httplib), and Slack's interaction payloads — the whole
  // view or message as JSON, form-encoded — are often larger.
  httplib::Server::HandlerWithContentReader WrapWithBody(const std::string* path, Route route) {
    auto handle = Wrap(path, std::move(route));
    return [handle, path, limit = max_body_bytes](const httplib::Request& request, httplib::Response& response,
                                                 const httplib::ContentReader& read) {
      scope.route = path;
      std::string body;
      bool too_large = false;
      const bool complete = read([&](const char* data, std::size_t length) {
        too_large = body.size() + length > limit;
        if (!too_large) body.append(data, length);
        return !too_large;
      });
      if (too_large || !complete) {
        response.status = too_large || response.status == 413 ? 413 : 400;
        response.set_content(too_large || response.status == 413 ? "request body too large\n" : "unreadable body\n",
                             "text/plain; charset=utf-8");
        return;  // logged by the server's logger: no route ran
      }
      handle(request, response, std::move(body));
    };
  }

  // A registered path asked with another method: 405 naming the methods it
  // takes, rather than the library's 404.
  httplib::Server::HandlerResponse MethodNotAllowed(const httplib::Request& request, httplib::Response& response) {
    if (response.status != 404 || scope.route != nullptr) return httplib::Server::HandlerResponse::Unhandled;
    const auto found = allowed.find(request.path);
    if (found == allowed.end()) return httplib::Server::HandlerResponse::Unhandled;
    response.status = 405;
    response.set_header("Allow", found->second);
    response.set_content("method not allowed\n", "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  }

  void Allow(const std::string& path, const std::string& methods) {
    std::string& list = allowed[path];
    list += (list.empty() ? "" : ", ") + methods;
  }

  std::function<void(const httplib::Request&, httplib::Response&, std::string)> Wrap(const std::string* path,
                                                                                   Route route) {
    return [this, path, route = std::move(route)](const httplib::Request& request, httplib::Response& response,
                                                  std::string body) {
      scope.route = path;
      const auto start = std::chrono::steady_clock::now();
      RequestLogFields log;
      HttpResponse neutral;
      try {
        FifoGate::Pass pass(gate);
        neutral = route(ToNeutral(request, std::move(body)), log);
      } catch (const std::exception& e) {
        log.detail = std::string("internal error: ") + e.what();
        neutral = HttpResponse::Text(500, "internal error\n");
      }
      response.status = neutral.status;
      response.set_content(neutral.body, neutral.content_type.c_str());
      const auto micros =
          std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
      auto level = neutral.status >= 500 ? spdlog::level::err
                   : neutral.status >= 400 ? spdlog::level::warn
                                           : spdlog::level::info;
      spdlog::log(level, "{} {} {} {:.2f}ms workspace={} user={}{}{}", request.method, request.path,
                  neutral.status, static_cast<double>(micros) / 1000.0, log.workspace.empty() ? "-" : log.workspace,
                  log.user.empty() ? "-" : log.user, log.detail.empty() ? "" : " detail=", log.detail);
      scope.route_logged = true;
    };
  }
};

WebhookServer::WebhookServer(const ServerOptions& options)
    : impl_(std::make_unique<Impl>(options.active_requests > 0 ? options.active_requests : DefaultActiveRequests())) {
  auto& server = impl_->server;
  impl_->max_body_bytes = options.max_body_bytes;
  const int threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_payload_max_length(options.max_body_bytes);
  server.set_keep_alive_max_count(1000);
  server.set_tcp_nodelay(true);  // replies are one small write: never wait for delayed ACKs
  server.set_read_timeout(10, 0);
  server.set_write_timeout(10, 0);
  Impl* impl = impl_.get();
  server.set_pre_routing_handler([impl](const httplib::Request&, httplib::Response&) {
    impl->Open();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [impl](const httplib::Request& request, httplib::Response& response) {
        return impl->MethodNotAllowed(request, response);
      }));
  server.set_logger(
      [impl](const httplib::Request& request, const httplib::Response& response) { impl->Close(request, response); });
}

WebhookServer::~WebhookServer() = default;

void WebhookServer::Get(const std::string& path, Route route) {
  const std::string* label = &impl_->paths.emplace_back(path);
  impl_->Allow(path, "GET, HEAD");
  impl_->server.Get(path, [handle = impl_->Wrap(label, std::move(route))](const httplib::Request& request,
                                                                         httplib::Response& response) {
    handle(request, response, request.body);
  });
}

void WebhookServer::Post(const std::string& path, Route route) {
  const std::string* label = &impl_->paths.emplace_back(path);
  impl_->Allow(path, "POST");
  impl_->server.Post(path, impl_->WrapWithBody(label, std::move(route)));
}

void WebhookServer::SetObserver(Observer observer) { impl_->observer = std::move(observer); }

StatusOr<int> WebhookServer::Bind(const std::string& host, int port) {
  const int bound = port == 0 ? impl_->server.bind_to_any_port(host) : (impl_->server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) return Status::Unavailable("cannot listen on " + host + ":" + std::to_string(port));
  return bound;
}

void WebhookServer::Serve() {
  impl_->serving = true;
  if (!impl_->stop_requested) impl_->server.listen_after_bind();
  impl_->serving = false;
}

void WebhookServer::Stop() {
  impl_->stop_requested = true;
  // The library ignores stop() until its loop runs: if Serve is past its
  // check of stop_requested but not yet listening, wait for it (briefly).
  for (int i = 0; i < 1000 && impl_->serving && !impl_->server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->server.stop();
}

void WebhookServer::BeginShutdown() { impl_->shutting_down = true; }

bool WebhookServer::shutting_down() const { return impl_->shutting_down; }

int WebhookServer::in_flight() const { return impl_->in_flight; }

}  // namespace mentorbot
