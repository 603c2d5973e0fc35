#include "adapters/google/jwt_bearer_tokens.h"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "adapters/common/base64url.h"
#include "adapters/common/form_decoding.h"
#include "adapters/common/json_fields.h"

namespace mentorbot {

namespace {
using nlohmann::json;

StatusOr<std::string> SignRs256(EVP_PKEY* key, const std::string& input) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  const auto* data = reinterpret_cast<const unsigned char*>(input.data());
  std::size_t length = 0;
  if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
      EVP_DigestSign(context.get(), nullptr, &length, data, input.size()) != 1) {
    return Status::Internal("cannot sign the token assertion");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data, input.size()) !=
      1) {
    return Status::Internal("cannot sign the token assertion");
  }
  signature.resize(length);
  return signature;
}

// Google's OAuth error ("invalid_grant: Invalid email or User ID"), never the assertion.
std::string OAuthError(const HttpClientResponse& response) {
  const auto body = json::parse(response.body, nullptr, false);
  std::string error = StringField(body, "error");
  const std::string description = StringField(body, "error_description");
  if (error.empty()) error = "http " + std::to_string(response.status);
  return description.empty() ? error : error + ": " + description;
}
}  // namespace

JwtBearerTokens::JwtBearerTokens(ServiceAccount account, std::string token_url, std::string scopes, HttpClient& http,
                                 const Clock& clock)
    : account_(std::move(account)), token_url_(std::move(token_url)), scopes_(std::move(scopes)), http_(http),
      clock_(clock) {}

StatusOr<std::string> JwtBearerTokens::Assertion(const std::string& mailbox, TimePoint now) const {
  const long long at = now.time_since_epoch().count();
  const json header = {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", account_.private_key_id}};
  const json claims = {{"iss", account_.client_email}, {"scope", scopes_},
                       {"aud", token_url_},            {"iat", at},
                       {"exp", at + kAssertionLifetime.count()}, {"sub", mailbox}};
  const std::string input = Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(claims.dump());
  auto signature = SignRs256(account_.private_key.get(), input);
  if (!signature.ok()) return signature.status();
  return input + "." + Base64UrlEncode(*signature);
}

StatusOr<std::string> JwtBearerTokens::Get(const std::string& mailbox) {
  std::lock_guard lock(mutex_);
  const TimePoint now = clock_.Now();
  if (auto cached = tokens_.find(mailbox); cached != tokens_.end() && now < cached->second.renew_at) {
    return cached->second.token;
  }
  auto assertion = Assertion(mailbox, now);
  if (!assertion.ok()) return assertion.status();
  const std::string form = std::string("grant_type=") + FormEncodeValue(kGrantType) +
                           "&assertion=" + FormEncodeValue(*assertion);
  auto response = http_.Post(token_url_, {}, form, "application/x-www-form-urlencoded");
  if (!response.ok()) return Status::Unavailable("token endpoint: " + response.status().message());
  if (response->status == 400 || response->status == 401) {
    return Status::PermissionDenied("token endpoint refused to act for " + mailbox + ": " + OAuthError(*response));
  }
  if (response->status != 200) return Status::Unavailable("token endpoint: " + OAuthError(*response));
  const auto parsed = json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  const std::string token = StringField(parsed, "access_token");
  const auto expires_in = parsed.is_object() ? parsed.value("expires_in", json()) : json();
  if (token.empty() || !expires_in.is_number_integer()) return Status::Unavailable("token endpoint: malformed response");
  const auto lifetime = std::chrono::seconds(std::clamp<long long>(expires_in.get<long long>(), 0, 86400));
  tokens_[mailbox] = Cached{token, now + std::max(lifetime - kRenewBefore, std::chrono::seconds(0))};
  return token;
}

void JwtBearerTokens::Invalidate(const std::string& mailbox) {
  std::lock_guard lock(mutex_);
  tokens_.erase(mailbox);
}

}  // namespace mentorbot
