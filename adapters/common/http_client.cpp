#include "adapters/common/http_client.h"

#include <httplib.h>

#include <cctype>

namespace mentorbot {

struct HttpClient::Connection {
  explicit Connection(const std::string& origin) : client(origin) {}
  std::mutex mutex;
  httplib::Client client;
};

std::string HttpClientResponse::Header(const std::string& lower_case_name) const {
  auto it = headers.find(lower_case_name);
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::pair<std::string, std::string>> SplitUrl(const std::string& url) {
  std::size_t scheme_end = 0;
  if (url.rfind("https://", 0) == 0) {
    scheme_end = 8;
  } else if (url.rfind("http://", 0) == 0) {
    scheme_end = 7;
  } else {
    return std::nullopt;
  }
  const std::size_t path_start = url.find('/', scheme_end);
  std::string origin = url.substr(0, path_start);
  if (origin.size() == scheme_end) return std::nullopt;
  std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  return std::make_pair(std::move(origin), std::move(path));
}

HttpClient::HttpClient(std::chrono::seconds timeout) : timeout_(timeout) {}
HttpClient::~HttpClient() = default;

HttpClient::Connection& HttpClient::ConnectionFor(const std::string& origin) {
  std::lock_guard lock(mutex_);
  auto& slot = connections_[origin];
  if (!slot) {
    slot = std::make_unique<Connection>(origin);
    slot->client.set_connection_timeout(timeout_);
    slot->client.set_read_timeout(timeout_);
    slot->client.set_write_timeout(timeout_);
    slot->client.set_keep_alive(true);
    // A kept-alive request goes out as headers then body: without this,
    // Nagle's algorithm holds the body until the peer's delayed ACK (~40 ms
    // a request), which capped the outbox at ~23 messages a second.
    slot->client.set_tcp_nodelay(true);
  }
  return *slot;
}

namespace {
StatusOr<HttpClientResponse> ToResponse(const std::string& origin, const httplib::Result& result) {
  if (!result) return Status::Unavailable("no response from " + origin + ": " + httplib::to_string(result.error()));
  HttpClientResponse response;
  response.status = result->status;
  response.body = result->body;
  for (const auto& [name, value] : result->headers) {
    std::string key = name;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    response.headers.emplace(std::move(key), value);
  }
  return response;
}
}  // namespace

template <typename Request>
StatusOr<HttpClientResponse> HttpClient::Send(const std::string& url, Request request) {
  auto parts = SplitUrl(url);
  if (!parts) return Status::InvalidArgument("not an http(s) URL: " + url);
  Connection& connection = ConnectionFor(parts->first);
  std::lock_guard lock(connection.mutex);
  return ToResponse(parts->first, request(connection.client, parts->second));
}

StatusOr<HttpClientResponse> HttpClient::Post(const std::string& url, const std::map<std::string, std::string>& headers,
                                              const std::string& body, const std::string& content_type) {
  return Send(url, [&](httplib::Client& client, const std::string& path) {
    return client.Post(path, httplib::Headers(headers.begin(), headers.end()), body, content_type.c_str());
  });
}

StatusOr<HttpClientResponse> HttpClient::Put(const std::string& url, const std::map<std::string, std::string>& headers,
                                             const std::string& body, const std::string& content_type) {
  return Send(url, [&](httplib::Client& client, const std::string& path) {
    return client.Put(path, httplib::Headers(headers.begin(), headers.end()), body, content_type.c_str());
  });
}

StatusOr<HttpClientResponse> HttpClient::Patch(const std::string& url, const std::map<std::string, std::string>& headers,
                                               const std::string& body, const std::string& content_type) {
  return Send(url, [&](httplib::Client& client, const std::string& path) {
    return client.Patch(path, httplib::Headers(headers.begin(), headers.end()), body, content_type.c_str());
  });
}

StatusOr<HttpClientResponse> HttpClient::Delete(const std::string& url,
                                                const std::map<std::string, std::string>& headers) {
  return Send(url, [&](httplib::Client& client, const std::string& path) {
    return client.Delete(path, httplib::Headers(headers.begin(), headers.end()));
  });
}

StatusOr<HttpClientResponse> HttpClient::Get(const std::string& url, const std::map<std::string, std::string>& headers) {
  return Send(url, [&](httplib::Client& client, const std::string& path) {
    return client.Get(path, httplib::Headers(headers.begin(), headers.end()));
  });
}

}  // namespace mentorbot
