// SigningKeys: the public keys the Bot Framework signs its tokens with, from
// its OpenID metadata document (-> jwks_uri -> JWKS). Keys are cached; the
// cache is refreshed when a token names an unknown key id (at most once a
// minute, so random kids cannot make us hammer the endpoint) and at least
// once a day. Thread-safety: Find may be called from many threads at once.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/common/http_client.h"
#include "bot/core/clock.h"
#include "bot/core/status_or.h"

namespace mentorbot {

struct SigningKey {
  std::string kid;
  // The channel ids ("msteams", "emulator", ...) this key may sign tokens for.
  std::vector<std::string> endorsements;
  std::shared_ptr<EVP_PKEY> public_key;  // RSA
};

class SigningKeySource {
 public:
  virtual ~SigningKeySource() = default;
  // The key with this id. NotFound when the source does not have it (even
  // after a refresh); Unavailable when the keys could not be fetched.
  virtual StatusOr<std::shared_ptr<const SigningKey>> Find(const std::string& kid) = 0;
};

class OpenIdSigningKeys : public SigningKeySource {
 public:
  // REQUIRES: http and clock outlive this.
  OpenIdSigningKeys(std::string metadata_url, HttpClient& http, const Clock& clock);
  OpenIdSigningKeys(const OpenIdSigningKeys&) = delete;
  OpenIdSigningKeys& operator=(const OpenIdSigningKeys&) = delete;

  StatusOr<std::shared_ptr<const SigningKey>> Find(const std::string& kid) override;

 private:
  Status Refresh();  // REQUIRES: mutex_ held

  std::string metadata_url_;
  HttpClient& http_;
  const Clock& clock_;
  std::mutex mutex_;
  std::vector<std::shared_ptr<const SigningKey>> keys_;
  TimePoint fetched_at_{};
  TimePoint last_attempt_{};
  bool fetched_ = false;
};

// Parses a JWKS document ({"keys":[...]}): RSA keys with kid, n and e become
// SigningKeys; keys of other types are skipped. InvalidArgument when the
// document is not a JWKS at all.
StatusOr<std::vector<SigningKey>> ParseJwks(const std::string& json);

}  // namespace mentorbot
