// BotFrameworkTokenValidator: checks the "Authorization: Bearer <JWT>" of a
// request from the Bot Framework connector, as its authentication contract
// requires: RS256 only (never "none", never HS*), signed by a key of the
// OpenID metadata whose endorsements include the activity's channelId,
// issuer https://api.botframework.com, audience = our app id, exp/nbf with
// 5 minutes of clock skew, and the "serviceurl" claim equal to the
// activity's serviceUrl. Thread-safety: Validate may be called concurrently.
#pragma once

#include "adapters/common/base64url.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "adapters/teams/signing_keys.h"
#include "bot/core/clock.h"
#include "bot/core/status.h"

namespace mentorbot {

struct ActivityClaims {
  std::string channel_id;   // the activity's channelId, e.g. "msteams"
  std::string service_url;  // the activity's serviceUrl
};

class BotFrameworkTokenValidator {
 public:
  static constexpr std::string_view kIssuer = "https://api.botframework.com";
  static constexpr std::chrono::seconds kClockSkew{300};

  // REQUIRES: keys and clock outlive this.
  BotFrameworkTokenValidator(std::string app_id, SigningKeySource& keys, const Clock& clock)
      : app_id_(std::move(app_id)), keys_(keys), clock_(clock) {}

  // `authorization` is the request's Authorization header value. OK when the
  // token is valid for this activity; PermissionDenied with the reason
  // (safe to log: never the token) otherwise; Unavailable when the signing
  // keys could not be fetched.
  Status Validate(std::string_view authorization, const ActivityClaims& activity) const;

 private:
  std::string app_id_;
  SigningKeySource& keys_;
  const Clock& clock_;
};

// A JWT split and decoded, not yet verified.
struct DecodedJwt {
  nlohmann::json header;
  nlohmann::json payload;
  std::string signing_input;  // "<header>.<payload>" as received
  std::string signature;      // raw bytes
};

// InvalidArgument unless `token` is three base64url parts whose first two are JSON objects.
StatusOr<DecodedJwt> DecodeJwt(std::string_view token);

}  // namespace mentorbot
