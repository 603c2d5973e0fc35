// ServiceUrlPolicy: which Bot Framework service urls the bot accepts
// activities from and sends its bearer token to. Only urls under one of the
// configured prefixes (Microsoft's Teams service urls by default); in local
// development mode (no app id) only loopback urls, and never with a token.
// Value type; thread-safe to read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mentorbot {

class ServiceUrlPolicy {
 public:
  // Each prefix must end with "/" so "https://smba.trafficmanager.net/"
  // never admits "https://smba.trafficmanager.net.example.com/".
  ServiceUrlPolicy(std::vector<std::string> allowed_prefixes, bool local_development)
      : allowed_prefixes_(std::move(allowed_prefixes)), local_development_(local_development) {}

  bool Allows(std::string_view service_url) const;
  bool local_development() const { return local_development_; }

 private:
  std::vector<std::string> allowed_prefixes_;
  bool local_development_;
};

// http(s) urls whose host is 127.0.0.0/8, ::1 or localhost.
bool IsLoopbackUrl(std::string_view url);
// "127.0.0.1", "::1", "::ffff:127.0.0.1".
bool IsLoopbackAddress(std::string_view address);

// "{service_url}/v3/{path}" with exactly one "/" between them.
std::string ConnectorUrl(std::string_view service_url, std::string_view path);
// Percent-encodes a conversation or activity id for a url path segment.
std::string EncodePathSegment(std::string_view segment);

}  // namespace mentorbot
