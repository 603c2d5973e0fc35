// Bot Framework tokens (adapters/teams/token_validator.h): base64url,
// DecodeJwt and BotFrameworkTokenValidator::Validate against one fixed key.
// Each input is read two ways:
//  - as a token, validated as sent (its signature then almost never
//    matches), and once more re-signed with the key, so the checks after the
//    signature see whatever header and claims the token carries;
//  - as "<header JSON>\n<claims JSON>", encoded and signed here, so mutations
//    of the JSON itself reach the header and claim checks.
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/teams/token_validator.h"
#include "fuzz/fuzz_input.h"

namespace mentorbot {
namespace {

constexpr const char* kAppId = "app-id-1";
constexpr const char* kServiceUrl = "https://smba.trafficmanager.net/emea/";

// kid "key-1": the key (endorsed for msteams); "unavailable": the keys
// cannot be fetched; any other kid is unknown.
class FuzzKeys : public SigningKeySource {
 public:
  FuzzKeys() {
    // 1024 bits: signing stays cheap, and Validate does not look at the size.
    EVP_PKEY* key = EVP_RSA_gen(1024);
    fuzz::Require(key != nullptr, "an RSA key can be generated");
    key_ = std::make_shared<SigningKey>(SigningKey{"key-1", {"msteams"}, std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free)});
  }

  StatusOr<std::shared_ptr<const SigningKey>> Find(const std::string& kid) override {
    if (kid == key_->kid) return std::shared_ptr<const SigningKey>(key_);
    if (kid == "unavailable") return Status::Unavailable("keys cannot be fetched");
    return Status::NotFound("no key " + kid);
  }

  // base64url(RS256 signature of `input`).
  std::string Sign(const std::string& input) const {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::string signature(512, '\0');
    std::size_t length = signature.size();
    fuzz::Require(context && EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key_->public_key.get()) == 1 &&
                      EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                                     reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1,
                  "RS256 signing works");
    signature.resize(length);
    return Base64UrlEncode(signature);
  }

 private:
  std::shared_ptr<SigningKey> key_;
};

struct Fixture {
  fuzz::FixedClock clock;
  FuzzKeys keys;
  BotFrameworkTokenValidator validator{kAppId, keys, clock};
};

void Validate(const Fixture& fixture, const std::string& token) {
  const Status status = fixture.validator.Validate("Bearer " + token, ActivityClaims{"msteams", kServiceUrl});
  if (!status.ok()) return;
  // Accepted: then it really is an RS256 token of the key, for us, from the Bot Framework.
  auto jwt = DecodeJwt(token);
  fuzz::Require(jwt.ok() && jwt->header.value("alg", nlohmann::json()) == "RS256" &&
                    jwt->header.value("kid", nlohmann::json()) == "key-1" &&
                    jwt->payload.value("iss", nlohmann::json()) == BotFrameworkTokenValidator::kIssuer,
                "an accepted token is RS256, signed by the key and issued by the Bot Framework");
}

}  // namespace
}  // namespace mentorbot

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mentorbot;
  static const Fixture fixture;
  const std::string_view text = fuzz::Text(data, size);

  if (auto bytes = Base64UrlDecode(text)) {
    fuzz::Require(Base64UrlDecode(Base64UrlEncode(*bytes)) == *bytes, "Base64UrlDecode(Base64UrlEncode(x)) == x");
  }
  Validate(fixture, std::string(text));
  if (auto jwt = DecodeJwt(text); jwt.ok()) {
    Validate(fixture, jwt->signing_input + "." + fixture.keys.Sign(jwt->signing_input));
  }

  const auto newline = text.find('\n');
  if (newline == std::string_view::npos) return 0;
  const std::string_view header = text.substr(0, newline);
  const std::string_view claims = text.substr(newline + 1);
  if (!nlohmann::json::accept(header) || !nlohmann::json::accept(claims)) return 0;
  const std::string input = Base64UrlEncode(header) + "." + Base64UrlEncode(claims);
  Validate(fixture, input + "." + fixture.keys.Sign(input));
  return 0;
}
