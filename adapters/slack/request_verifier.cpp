#include "adapters/slack/request_verifier.h"

#include <charconv>

#include "adapters/common/hmac.h"

namespace mentorbot {

Status SlackRequestVerifier::Verify(const HttpRequest& request) const {
  if (signing_secret_.empty()) return Status::PermissionDenied("SLACK_SIGNING_SECRET is not set");
  const std::string timestamp = request.Header("X-Slack-Request-Timestamp");
  const std::string signature = request.Header("X-Slack-Signature");
  if (timestamp.empty() || signature.empty()) return Status::PermissionDenied("missing signature headers");

  long long seconds = 0;
  auto [end, error] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), seconds);
  if (error != std::errc() || end != timestamp.data() + timestamp.size() || seconds <= 0) {
    return Status::PermissionDenied("malformed timestamp");
  }
  const auto skew = clock_.Now().time_since_epoch() - std::chrono::seconds(seconds);
  if (skew > kMaxClockSkew || skew < -kMaxClockSkew) {
    return Status::PermissionDenied("timestamp outside the 5-minute window");
  }

  std::string base = "v0:";
  base += timestamp;
  base += ':';
  base += request.body;
  const std::string expected = "v0=" + HmacSha256Hex(signing_secret_, base);
  if (!ConstantTimeEquals(expected, signature)) return Status::PermissionDenied("signature mismatch");
  return Status::Ok();
}

}  // namespace mentorbot
