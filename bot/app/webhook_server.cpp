#include "bot/app/webhook_server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace mentorbot {

namespace {
// Set while a route handles the request, so the server's own logger only
// writes lines for requests no route saw (unknown path, body too large).
thread_local bool route_logged = false;

HttpRequest ToNeutral(const httplib::Request& request, std::string body) {
  HttpRequest neutral;
  neutral.method = request.method;
  neutral.path = request.path;
  neutral.body = std::move(body);
  neutral.remote_address = request.remote_addr;
  for (const auto& [name, value] : request.headers) {
    std::string key = name;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    neutral.headers.emplace(std::move(key), value);
  }
  return neutral;
}
}  // namespace

struct WebhookServer::Impl {
  httplib::Server server;
  std::size_t max_body_bytes = 0;

  // POST bodies are read through a content reader: the library's own body
  // handling refuses form-encoded bodies over 8 KiB (a limit compiled into
  // Debian's libcpp-httplib), and Slack's interaction payloads — the whole
  // view or message as JSON, form-encoded — are often larger.
  httplib::Server::HandlerWithContentReader WrapWithBody(Route route) {
    auto handle = Wrap(std::move(route));
    return [handle, limit = max_body_bytes](const httplib::Request& request, httplib::Response& response,
                                           const httplib::ContentReader& read) {
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

  std::function<void(const httplib::Request&, httplib::Response&, std::string)> Wrap(Route route) {
    return [route = std::move(route)](const httplib::Request& request, httplib::Response& response, std::string body) {
      const auto start = std::chrono::steady_clock::now();
      RequestLogFields log;
      HttpResponse neutral;
      try {
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
      route_logged = true;
    };
  }
};

WebhookServer::WebhookServer(const ServerOptions& options) : impl_(std::make_unique<Impl>()) {
  auto& server = impl_->server;
  impl_->max_body_bytes = options.max_body_bytes;
  const int threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_payload_max_length(options.max_body_bytes);
  server.set_keep_alive_max_count(1000);
  server.set_tcp_nodelay(true);  // replies are one small write: never wait for delayed ACKs
  server.set_read_timeout(10, 0);
  server.set_write_timeout(10, 0);
  server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
    if (!route_logged) {
      spdlog::warn("{} {} {} (no route ran) peer={}", request.method, request.path, response.status,
                   request.remote_addr);
    }
    route_logged = false;
  });
}

WebhookServer::~WebhookServer() = default;

void WebhookServer::Get(const std::string& path, Route route) {
  impl_->server.Get(path, [handle = impl_->Wrap(std::move(route))](const httplib::Request& request,
                                                                  httplib::Response& response) {
    handle(request, response, request.body);
  });
}

void WebhookServer::Post(const std::string& path, Route route) {
  impl_->server.Post(path, impl_->WrapWithBody(std::move(route)));
}

StatusOr<int> WebhookServer::Bind(const std::string& host, int port) {
  const int bound = port == 0 ? impl_->server.bind_to_any_port(host) : (impl_->server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) return Status::Unavailable("cannot listen on " + host + ":" + std::to_string(port));
  return bound;
}

void WebhookServer::Serve() { impl_->server.listen_after_bind(); }

void WebhookServer::Stop() { impl_->server.stop(); }

}  // namespace mentorbot
