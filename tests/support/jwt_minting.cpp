#include "tests/support/jwt_minting.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>

#include "adapters/teams/token_validator.h"

namespace mentorbot {

namespace {
std::string BigNumberParam(EVP_PKEY* key, const char* name) {
  BIGNUM* number = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &number) != 1) throw std::runtime_error("cannot read RSA parameter");
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(number)), '\0');
  BN_bn2bin(number, reinterpret_cast<unsigned char*>(bytes.data()));
  BN_free(number);
  return bytes;
}

template <typename Write>
std::string ToPem(Write write) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!bio || write(bio.get()) != 1) throw std::runtime_error("cannot write the key as PEM");
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}
}  // namespace

TestSigningKey::TestSigningKey(std::string kid) : kid_(std::move(kid)) {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  if (key == nullptr) throw std::runtime_error("cannot generate an RSA key");
  key_.reset(key, EVP_PKEY_free);
}

nlohmann::json TestSigningKey::Jwk(const std::vector<std::string>& endorsements) const {
  return {{"kty", "RSA"},
          {"use", "sig"},
          {"kid", kid_},
          {"n", Base64UrlEncode(BigNumberParam(key_.get(), OSSL_PKEY_PARAM_RSA_N))},
          {"e", Base64UrlEncode(BigNumberParam(key_.get(), OSSL_PKEY_PARAM_RSA_E))},
          {"endorsements", endorsements}};
}

std::string TestSigningKey::Sign(const nlohmann::json& header, const nlohmann::json& payload) const {
  const std::string input = Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(payload.dump());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t length = 0;
  if (EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
      EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(input.data()),
                     input.size()) != 1) {
    throw std::runtime_error("cannot sign");
  }
  std::string signature(length, '\0');
  EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                 reinterpret_cast<const unsigned char*>(input.data()), input.size());
  signature.resize(length);
  return input + "." + Base64UrlEncode(signature);
}

std::string TestSigningKey::PrivateKeyPem() const {
  return ToPem([&](BIO* bio) {
    return PEM_write_bio_PrivateKey(bio, key_.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
}

std::string TestSigningKey::PublicKeyPem() const {
  return ToPem([&](BIO* bio) { return PEM_write_bio_PUBKEY(bio, key_.get()); });
}

nlohmann::json BotFrameworkClaims(const std::string& app_id, const std::string& service_url,
                                  std::chrono::sys_seconds now) {
  const long long at = now.time_since_epoch().count();
  return {{"iss", "https://api.botframework.com"}, {"aud", app_id},      {"serviceurl", service_url},
          {"nbf", at - 60},                         {"exp", at + 3600}, {"iat", at - 60}};
}

std::string BotFrameworkToken(const TestSigningKey& key, const nlohmann::json& claims) {
  return key.Sign({{"alg", "RS256"}, {"typ", "JWT"}, {"kid", key.kid()}}, claims);
}

}  // namespace mentorbot
