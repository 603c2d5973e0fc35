// HttpClient: a small neutral HTTP(S) client over cpp-httplib for the
// platform senders. Keeps one keep-alive connection per scheme://host:port.
// Thread-safety: Post may be called from several threads; calls to the same
// host are serialised.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "bot/core/status_or.h"

namespace mentorbot {

struct HttpClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string Header(const std::string& lower_case_name) const;
};

class HttpClient {
 public:
  explicit HttpClient(std::chrono::seconds timeout);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // POSTs `body` to a full URL ("https://slack.com/api/chat.postMessage").
  // InvalidArgument for a URL that is not http(s); Unavailable when no
  // response came (connection refused, timeout, TLS failure).
  StatusOr<HttpClientResponse> Post(const std::string& url, const std::map<std::string, std::string>& headers,
                                    const std::string& body, const std::string& content_type);
  // PUTs `body` to a full URL; same errors as Post.
  StatusOr<HttpClientResponse> Put(const std::string& url, const std::map<std::string, std::string>& headers,
                                   const std::string& body, const std::string& content_type);
  // PATCHes `body` to a full URL; same errors as Post.
  StatusOr<HttpClientResponse> Patch(const std::string& url, const std::map<std::string, std::string>& headers,
                                     const std::string& body, const std::string& content_type);
  // DELETEs a full URL; same errors as Post.
  StatusOr<HttpClientResponse> Delete(const std::string& url, const std::map<std::string, std::string>& headers);
  // GETs a full URL; same errors as Post.
  StatusOr<HttpClientResponse> Get(const std::string& url, const std::map<std::string, std::string>& headers);

 private:
  struct Connection;
  Connection& ConnectionFor(const std::string& origin);
  // Runs `request(client, path)` on the origin's connection, one at a time.
  template <typename Request>
  StatusOr<HttpClientResponse> Send(const std::string& url, Request request);

  std::chrono::seconds timeout_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Connection>> connections_;
};

// Splits "https://host:port/path" into origin ("https://host:port") and path
// ("/path"); nullopt when the scheme is not http or https or there is no host.
std::optional<std::pair<std::string, std::string>> SplitUrl(const std::string& url);

}  // namespace mentorbot
