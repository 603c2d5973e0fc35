#include "adapters/common/client_credentials_tokens.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/common/form_decoding.h"

namespace mentorbot {

StatusOr<std::string> ClientCredentialsTokens::Get() {
  std::lock_guard lock(mutex_);
  const TimePoint now = clock_.Now();
  if (!token_.empty() && now < renew_at_) return token_;
  const std::string form = "grant_type=client_credentials&client_id=" + FormEncodeValue(client_id_) +
                           "&client_secret=" + FormEncodeValue(client_secret_) + "&scope=" + FormEncodeValue(scope_);
  auto response = http_.Post(token_url_, {}, form, "application/x-www-form-urlencoded");
  if (!response.ok()) return Status::Unavailable("token endpoint: " + response.status().message());
  if (response->status == 400 || response->status == 401) {
    return Status::PermissionDenied("token endpoint refused the app credentials (http " +
                                    std::to_string(response->status) + ")");
  }
  if (response->status != 200) return Status::Unavailable("token endpoint: http " + std::to_string(response->status));
  const auto parsed = nlohmann::json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object() || !parsed.contains("access_token") || !parsed["access_token"].is_string() ||
      !parsed.contains("expires_in") || !parsed["expires_in"].is_number()) {
    return Status::Unavailable("token endpoint: malformed response");
  }
  token_ = parsed["access_token"].get<std::string>();
  const auto lifetime = std::chrono::seconds(parsed["expires_in"].get<long long>());
  renew_at_ = now + std::max(lifetime - kRenewBefore, std::chrono::seconds(0));
  return token_;
}

void ClientCredentialsTokens::Invalidate() {
  std::lock_guard lock(mutex_);
  token_.clear();
}

}  // namespace mentorbot
