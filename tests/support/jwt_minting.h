// Test-only RS256 signing: an RSA key pair made in the test, its JWK, and
// Bot Framework tokens signed with it (valid ones, and any variation a test
// wants by editing the claims or header before signing), and the key as PEM.
#pragma once

#include <openssl/evp.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mentorbot {

class TestSigningKey {
 public:
  explicit TestSigningKey(std::string kid);  // a fresh RSA-2048 key

  const std::string& kid() const { return kid_; }
  nlohmann::json Jwk(const std::vector<std::string>& endorsements = {"msteams"}) const;
  // base64url(header).base64url(payload).base64url(RS256 signature)
  std::string Sign(const nlohmann::json& header, const nlohmann::json& payload) const;
  // PKCS#8 PEM of the private key (as in a Google service account key file).
  std::string PrivateKeyPem() const;
  // SubjectPublicKeyInfo PEM of the public half (what a verifier is given).
  std::string PublicKeyPem() const;

 private:
  std::string kid_;
  std::shared_ptr<EVP_PKEY> key_;
};

// The claims of a valid Bot Framework token at `now`.
nlohmann::json BotFrameworkClaims(const std::string& app_id, const std::string& service_url,
                                  std::chrono::sys_seconds now);
// {"alg":"RS256","typ":"JWT","kid":key.kid()} over `claims`.
std::string BotFrameworkToken(const TestSigningKey& key, const nlohmann::json& claims);

}  // namespace mentorbot
