// BotFrameworkTokenValidator, DecodeJwt and base64url (token_validator.h).
#include <openssl/evp.h>

#include <algorithm>
#include <memory>

#include "adapters/teams/token_validator.h"

namespace mentorbot {

namespace {
using nlohmann::json;
constexpr std::size_t kMaxTokenBytes = 16 * 1024;
bool VerifyRs256(EVP_PKEY* key, const std::string& signed_text, const std::string& signature) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  return context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
         EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size()) == 1;
}

std::optional<long long> NumericClaim(const json& payload, const char* name) {
  auto it = payload.find(name);
  if (it == payload.end() || !it->is_number()) return std::nullopt;
  if (!it->is_number_float()) return it->get<long long>();
  // Clamp before converting: a double outside long long's range is undefined behaviour.
  return static_cast<long long>(std::clamp(it->get<double>(), -1e18, 1e18));
}

std::string WithoutTrailingSlash(std::string url) {
  if (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

bool AudienceMatches(const json& payload, const std::string& app_id) {
  auto it = payload.find("aud");
  if (it == payload.end()) return false;
  if (it->is_string()) return it->get<std::string>() == app_id;
  if (!it->is_array()) return false;
  return std::any_of(it->begin(), it->end(), [&](const json& item) { return item.is_string() && item == app_id; });
}

Status CheckClaims(const json& payload, const std::string& app_id, const ActivityClaims& activity, TimePoint now) {
  const long long at = now.time_since_epoch().count();
  const long long skew = BotFrameworkTokenValidator::kClockSkew.count();
  if (payload.value("iss", json()) != std::string(BotFrameworkTokenValidator::kIssuer)) {
    return Status::PermissionDenied("wrong issuer");
  }
  if (!AudienceMatches(payload, app_id)) return Status::PermissionDenied("wrong audience");
  const auto expires = NumericClaim(payload, "exp");
  if (!expires) return Status::PermissionDenied("token has no exp");
  // Compared as now -/+ skew so claims near the integer limits cannot overflow.
  if (at - skew > *expires) return Status::PermissionDenied("token expired");
  if (payload.contains("nbf")) {
    const auto not_before = NumericClaim(payload, "nbf");
    if (!not_before) return Status::PermissionDenied("nbf is not a number");
    if (at + skew < *not_before) return Status::PermissionDenied("token not valid yet");
  }
  json service_url = payload.contains("serviceurl") ? payload["serviceurl"] : payload.value("serviceUrl", json());
  if (!service_url.is_string()) return Status::PermissionDenied("token has no serviceurl claim");
  if (WithoutTrailingSlash(service_url.get<std::string>()) != WithoutTrailingSlash(activity.service_url)) {
    return Status::PermissionDenied("serviceurl claim does not match the activity");
  }
  return Status::Ok();
}
}  // namespace

StatusOr<DecodedJwt> DecodeJwt(std::string_view token) {
  if (token.size() > kMaxTokenBytes) return Status::InvalidArgument("token too large");
  const auto first = token.find('.');
  const auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return Status::InvalidArgument("not a JWT (three dot-separated parts expected)");
  }
  auto header = Base64UrlDecode(token.substr(0, first));
  auto payload = Base64UrlDecode(token.substr(first + 1, second - first - 1));
  auto signature = Base64UrlDecode(token.substr(second + 1));
  if (!header || !payload || !signature) return Status::InvalidArgument("JWT part is not base64url");
  DecodedJwt jwt{json::parse(*header, nullptr, false), json::parse(*payload, nullptr, false),
                 std::string(token.substr(0, second)), std::move(*signature)};
  if (!jwt.header.is_object() || !jwt.payload.is_object()) return Status::InvalidArgument("JWT part is not a JSON object");
  return jwt;
}

Status BotFrameworkTokenValidator::Validate(std::string_view authorization, const ActivityClaims& activity) const {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size() ||
      !std::equal(kScheme.begin(), kScheme.end(), authorization.begin(),
                  [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
    return Status::PermissionDenied("no bearer token");
  }
  auto jwt = DecodeJwt(authorization.substr(kScheme.size()));
  if (!jwt.ok()) return Status::PermissionDenied(jwt.status().message());
  if (jwt->header.value("alg", json()) != "RS256") return Status::PermissionDenied("alg must be RS256");
  const json kid = jwt->header.value("kid", json());
  if (!kid.is_string() || kid.get<std::string>().empty()) return Status::PermissionDenied("token has no kid");
  auto key = keys_.Find(kid.get<std::string>());
  if (!key.ok()) {
    return key.status().code() == StatusCode::kUnavailable ? key.status()
                                                           : Status::PermissionDenied(key.status().message());
  }
  if (!VerifyRs256((*key)->public_key.get(), jwt->signing_input, jwt->signature)) {
    return Status::PermissionDenied("signature mismatch");
  }
  const auto& endorsements = (*key)->endorsements;
  if (std::find(endorsements.begin(), endorsements.end(), activity.channel_id) == endorsements.end()) {
    return Status::PermissionDenied("key not endorsed for channel " + activity.channel_id);
  }
  return CheckClaims(jwt->payload, app_id_, activity, clock_.Now());
}

}  // namespace mentorbot
