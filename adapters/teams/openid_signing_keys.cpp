// OpenIdSigningKeys and ParseJwks (declared in signing_keys.h).
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include <nlohmann/json.hpp>

#include "adapters/common/json_fields.h"
#include "adapters/teams/signing_keys.h"
#include "adapters/teams/token_validator.h"

namespace mentorbot {

namespace {
using nlohmann::json;
constexpr std::chrono::hours kMaxKeyAge{24};
constexpr std::chrono::seconds kMinRefreshInterval{60};
constexpr std::chrono::seconds kRetryWithoutKeys{5};

std::shared_ptr<EVP_PKEY> RsaPublicKey(const std::string& modulus, const std::string& exponent) {
  std::unique_ptr<BIGNUM, decltype(&BN_free)> n(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(modulus.data()), static_cast<int>(modulus.size()), nullptr), BN_free);
  std::unique_ptr<BIGNUM, decltype(&BN_free)> e(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(exponent.data()), static_cast<int>(exponent.size()), nullptr), BN_free);
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  if (!n || !e || !builder || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) ||
      !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get())) {
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(builder.get()), OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr),
                                                                      EVP_PKEY_CTX_free);
  EVP_PKEY* key = nullptr;
  if (!params || !context || EVP_PKEY_fromdata_init(context.get()) <= 0 ||
      EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0) {
    return nullptr;
  }
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

StatusOr<json> FetchJson(HttpClient& http, const std::string& url) {
  auto response = http.Get(url, {});
  if (!response.ok()) return response.status();
  if (response->status != 200) return Status::Unavailable(url + ": http " + std::to_string(response->status));
  json parsed = json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return Status::Unavailable(url + ": not a JSON object");
  return parsed;
}
}  // namespace

StatusOr<std::vector<SigningKey>> ParseJwks(const std::string& text) {
  const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object() || !parsed.contains("keys") || !parsed["keys"].is_array()) {
    return Status::InvalidArgument("not a JWKS document");
  }
  std::vector<SigningKey> keys;
  for (const json& jwk : parsed["keys"]) {
    if (!jwk.is_object() || StringField(jwk, "kty") != "RSA") continue;
    const std::string kid = StringField(jwk, "kid");
    auto modulus = Base64UrlDecode(StringField(jwk, "n"));
    auto exponent = Base64UrlDecode(StringField(jwk, "e"));
    if (kid.empty() || !modulus || !exponent || modulus->empty() || exponent->empty()) continue;
    SigningKey key{kid, {}, RsaPublicKey(*modulus, *exponent)};
    if (!key.public_key) continue;
    if (jwk.contains("endorsements") && jwk["endorsements"].is_array()) {
      for (const json& channel : jwk["endorsements"]) {
        if (channel.is_string()) key.endorsements.push_back(channel.get<std::string>());
      }
    }
    keys.push_back(std::move(key));
  }
  return keys;
}

OpenIdSigningKeys::OpenIdSigningKeys(std::string metadata_url, HttpClient& http, const Clock& clock)
    : metadata_url_(std::move(metadata_url)), http_(http), clock_(clock) {}

Status OpenIdSigningKeys::Refresh() {
  last_attempt_ = clock_.Now();
  auto metadata = FetchJson(http_, metadata_url_);
  if (!metadata.ok()) return Status::Unavailable("OpenID metadata: " + metadata.status().message());
  if (!metadata->contains("jwks_uri") || !(*metadata)["jwks_uri"].is_string()) {
    return Status::Unavailable("OpenID metadata has no jwks_uri");
  }
  auto response = http_.Get((*metadata)["jwks_uri"].get<std::string>(), {});
  if (!response.ok()) return Status::Unavailable("JWKS: " + response.status().message());
  if (response->status != 200) return Status::Unavailable("JWKS: http " + std::to_string(response->status));
  auto parsed = ParseJwks(response->body);
  if (!parsed.ok()) return Status::Unavailable("JWKS: " + parsed.status().message());
  keys_.clear();
  for (auto& key : *parsed) keys_.push_back(std::make_shared<const SigningKey>(std::move(key)));
  fetched_at_ = last_attempt_;
  fetched_ = true;
  return Status::Ok();
}

StatusOr<std::shared_ptr<const SigningKey>> OpenIdSigningKeys::Find(const std::string& kid) {
  std::lock_guard lock(mutex_);
  const TimePoint now = clock_.Now();
  const auto cached = [&]() -> std::shared_ptr<const SigningKey> {
    for (const auto& key : keys_) {
      if (key->kid == kid) return key;
    }
    return nullptr;
  };
  Status refreshed = Status::Unavailable("signing keys were fetched moments ago and failed");
  const bool stale = !fetched_ || now - fetched_at_ >= kMaxKeyAge;
  // An unknown kid may be a rotated key: look again, but at most once a
  // minute (every few seconds while we have no keys at all), so tokens with
  // made-up kids or an outage cannot make us hammer the endpoint.
  const auto interval = fetched_ ? kMinRefreshInterval : kRetryWithoutKeys;
  const bool may_retry = last_attempt_ == TimePoint{} || now - last_attempt_ >= interval;
  if ((stale || !cached()) && may_retry) refreshed = Refresh();
  if (auto key = cached()) return key;  // a failed refresh keeps the keys we had
  if (!fetched_) return refreshed.ok() ? Status::Unavailable("no signing keys") : refreshed;
  return Status::NotFound("unknown signing key id");
}

}  // namespace mentorbot
