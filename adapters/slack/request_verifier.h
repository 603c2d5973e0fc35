// SlackRequestVerifier: checks that a request really comes from Slack, as
// Slack documents it: X-Slack-Signature must be "v0=" + hex HMAC-SHA256 of
// "v0:{X-Slack-Request-Timestamp}:{raw body}" under the app's signing secret,
// compared in constant time, and the timestamp within 5 minutes of now (so a
// captured request cannot be replayed later).
// Thread-safety: immutable after construction; Verify is safe from any thread.
#pragma once

#include <chrono>
#include <string>

#include "adapters/common/http_types.h"
#include "bot/core/clock.h"
#include "bot/core/status.h"

namespace mentorbot {

class SlackRequestVerifier {
 public:
  static constexpr std::chrono::seconds kMaxClockSkew{300};

  // An empty secret means Slack is not configured: every request is refused.
  // REQUIRES: clock outlives the verifier.
  SlackRequestVerifier(std::string signing_secret, const Clock& clock)
      : signing_secret_(std::move(signing_secret)), clock_(clock) {}

  // OK, or PermissionDenied whose message says why (safe to log: it never
  // contains the secret or the expected signature).
  Status Verify(const HttpRequest& request) const;

  bool configured() const { return !signing_secret_.empty(); }

 private:
  std::string signing_secret_;
  const Clock& clock_;
};

}  // namespace mentorbot
