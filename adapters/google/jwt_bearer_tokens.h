// JwtBearerTokens: Google OAuth 2.0 access tokens for a service account with
// domain-wide delegation, from the JWT-bearer grant (RFC 7523): a JWT
// {"alg":"RS256","typ":"JWT","kid":private_key_id} with the claims iss =
// client_email, scope (space separated), aud = the token URL, iat = now,
// exp = now + 1 h (Google's maximum) and sub = the mailbox acted for, POSTed
// as grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<jwt>.
// One token per mailbox, cached until five minutes before it expires.
// Tokens and assertions are never logged.
// Thread-safety: Get and Invalidate may be called from any thread; one
// token request at a time.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "adapters/common/http_client.h"
#include "adapters/google/service_account.h"
#include "bot/core/clock.h"
#include "bot/core/status_or.h"

namespace mentorbot {

class JwtBearerTokens {
 public:
  static constexpr const char* kGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  static constexpr std::chrono::seconds kAssertionLifetime{3600};
  static constexpr std::chrono::seconds kRenewBefore{300};

  // `token_url` is the assertion's audience and where it is POSTed.
  // REQUIRES: account.private_key is set; http and clock outlive this.
  JwtBearerTokens(ServiceAccount account, std::string token_url, std::string scopes, HttpClient& http,
                  const Clock& clock);
  JwtBearerTokens(const JwtBearerTokens&) = delete;
  JwtBearerTokens& operator=(const JwtBearerTokens&) = delete;

  // A bearer token acting for `mailbox`. PermissionDenied when Google
  // refuses to let the account act for it (400/401: invalid_grant — not a
  // user of the domain — or unauthorized_client — no delegation for these
  // scopes); Unavailable when no answer came or Google failed for now.
  StatusOr<std::string> Get(const std::string& mailbox);
  // The API refused `mailbox`'s token (401): request a new one next time.
  void Invalidate(const std::string& mailbox);

  // The signed assertion for `mailbox` at `now` (exposed for tests).
  StatusOr<std::string> Assertion(const std::string& mailbox, TimePoint now) const;

 private:
  struct Cached {
    std::string token;
    TimePoint renew_at;
  };

  ServiceAccount account_;
  std::string token_url_;
  std::string scopes_;
  HttpClient& http_;
  const Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, Cached> tokens_;  // by mailbox
};

}  // namespace mentorbot
