// TokenSource: a bearer token an adapter presents to a Microsoft service.
// ClientCredentialsTokens: one from the Microsoft identity platform's OAuth
// client-credentials grant (POST {token_url} with grant_type=
// client_credentials, client_id, client_secret and the resource's
// "{resource}/.default" scope), cached until five minutes before it expires.
// The Bot Framework connector and Microsoft Graph differ only in token url
// and scope. Thread-safety: Get and Invalidate may be called from any
// thread; one refresh at a time.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "adapters/common/http_client.h"
#include "bot/core/clock.h"
#include "bot/core/status_or.h"

namespace mentorbot {

class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // Unavailable when no token could be had (network, 5xx); PermissionDenied
  // when the credentials were refused.
  virtual StatusOr<std::string> Get() = 0;
  // The service refused the token (401): fetch a new one next time.
  virtual void Invalidate() = 0;
};

class ClientCredentialsTokens : public TokenSource {
 public:
  static constexpr std::chrono::seconds kRenewBefore{300};

  // `scope` e.g. "https://graph.microsoft.com/.default". REQUIRES: http and
  // clock outlive this.
  ClientCredentialsTokens(std::string token_url, std::string client_id, std::string client_secret, std::string scope,
                          HttpClient& http, const Clock& clock)
      : token_url_(std::move(token_url)), client_id_(std::move(client_id)), client_secret_(std::move(client_secret)),
        scope_(std::move(scope)), http_(http), clock_(clock) {}
  ClientCredentialsTokens(const ClientCredentialsTokens&) = delete;
  ClientCredentialsTokens& operator=(const ClientCredentialsTokens&) = delete;

  StatusOr<std::string> Get() override;
  void Invalidate() override;

 private:
  std::string token_url_;
  std::string client_id_;
  std::string client_secret_;
  std::string scope_;
  HttpClient& http_;
  const Clock& clock_;
  std::mutex mutex_;
  std::string token_;
  TimePoint renew_at_{};
};

}  // namespace mentorbot
