#include "adapters/google/google_api_status.h"

#include <nlohmann/json.hpp>

#include "adapters/common/json_fields.h"
#include "adapters/common/retry_after.h"

namespace mentorbot {

namespace {
using nlohmann::json;

// error.errors[].reason of a 403 that only says "slow down".
bool IsRateLimit(const HttpClientResponse& response) {
  const auto body = json::parse(response.body, nullptr, false);
  const auto error = body.is_object() ? body.value("error", json()) : json();
  const auto errors = error.is_object() ? error.value("errors", json()) : json();
  if (!errors.is_array()) return false;
  for (const auto& item : errors) {
    const std::string reason = StringField(item, "reason");
    if (reason == "rateLimitExceeded" || reason == "userRateLimitExceeded" || reason == "quotaExceeded") return true;
  }
  return false;
}
}  // namespace

std::string ApiErrorMessage(const HttpClientResponse& response) {
  const auto body = json::parse(response.body, nullptr, false);
  const auto error = body.is_object() ? body.value("error", json()) : json();
  std::string message = StringField(error, "message");
  if (message.empty()) message = StringField(body, "error_description");
  const std::string prefix = "http " + std::to_string(response.status);
  return message.empty() ? prefix : prefix + ": " + SanitizeUtf8(message);
}

CalendarCallStatus ApiStatus(const StatusOr<HttpClientResponse>& response, const std::string& what) {
  if (!response.ok()) return CalendarCallStatus::Retry(what + ": " + response.status().message());
  const HttpClientResponse& answer = response.value();
  const int status = answer.status;
  if (status >= 200 && status < 300) return CalendarCallStatus::Done();
  const std::string error = what + ": " + ApiErrorMessage(answer);
  const auto after = ParseRetryAfter(answer.Header("retry-after"), std::chrono::seconds(0));
  if (status >= 500 || status == 429 || (status == 403 && IsRateLimit(answer))) {
    return CalendarCallStatus::Retry(error, after);
  }
  if (status == 401) return CalendarCallStatus::Retry(error);
  return CalendarCallStatus::Permanent(error);
}

}  // namespace mentorbot
