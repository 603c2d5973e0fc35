// ConnectorTokens: the bearer token the bot presents to the Bot Framework
// connector, from the OAuth client-credentials grant (app id + password,
// scope https://api.botframework.com/.default), cached until five minutes
// before it expires. Thread-safety: Get and Invalidate may be called from
// any thread; one refresh at a time.
#pragma once

#include <mutex>
#include <string>

#include "adapters/common/http_client.h"
#include "bot/core/clock.h"
#include "bot/core/status_or.h"

namespace mentorbot {

class ConnectorTokenSource {
 public:
  virtual ~ConnectorTokenSource() = default;
  // Unavailable when no token could be had (network, 5xx); PermissionDenied
  // when the credentials were refused.
  virtual StatusOr<std::string> Get() = 0;
  // The connector refused the token (401): fetch a new one next time.
  virtual void Invalidate() = 0;
};

class ClientCredentialsTokens : public ConnectorTokenSource {
 public:
  static constexpr const char* kScope = "https://api.botframework.com/.default";
  static constexpr std::chrono::seconds kRenewBefore{300};

  // REQUIRES: http and clock outlive this.
  ClientCredentialsTokens(std::string token_url, std::string app_id, std::string app_password, HttpClient& http,
                          const Clock& clock)
      : token_url_(std::move(token_url)), app_id_(std::move(app_id)), app_password_(std::move(app_password)),
        http_(http), clock_(clock) {}

  StatusOr<std::string> Get() override;
  void Invalidate() override;

 private:
  std::string token_url_;
  std::string app_id_;
  std::string app_password_;
  HttpClient& http_;
  const Clock& clock_;
  std::mutex mutex_;
  std::string token_;
  TimePoint renew_at_{};
};

}  // namespace mentorbot
