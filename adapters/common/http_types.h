// HttpRequest / HttpResponse: the neutral shape webhook routes work on, so a
// route is a plain function callable without sockets (tests, fuzzers) and the
// HTTP server library stays in bot/app. Value types.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace mentorbot {

struct HttpRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string remote_address;

  // The header's value, or "" when absent. `name` in any case.
  std::string Header(std::string_view name) const;
  // Whether Content-Type is `media_type` (lower case), parameters aside;
  // media types ignore case.
  bool HasMediaType(std::string_view media_type) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;

  static HttpResponse Json(std::string body, int status = 200);
  static HttpResponse Text(int status, std::string body);
};

// Facts a route learned that belong in the request's log line (never secrets
// or message text).
struct RequestLogFields {
  std::string workspace;
  std::string user;
  std::string detail;  // e.g. why a request was rejected
};

}  // namespace mentorbot
