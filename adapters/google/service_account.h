// ServiceAccount: the Google Cloud service account the bot acts as, read
// from the JSON key file the Cloud console gives ("type": "service_account",
// client_email, private_key (PEM), private_key_id, token_uri). The private
// key is parsed at load time and kept only as an OpenSSL key, so a bad key
// fails at startup and the PEM text is never kept, logged or printed.
// Thread-safety: a value type; the key is only read (signing) after loading.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <string>

#include "bot/core/status_or.h"

namespace mentorbot {

struct ServiceAccount {
  std::string client_email;    // the JWT issuer ("bot@project.iam.gserviceaccount.com")
  std::string private_key_id;  // the JWT header's kid
  std::string token_uri;       // where assertions are exchanged ("https://oauth2.googleapis.com/token")
  std::shared_ptr<EVP_PKEY> private_key;  // RSA, for RS256
};

// Reads the key file. InvalidArgument naming the missing or malformed field
// (never quoting the key); NotFound when the file cannot be read.
StatusOr<ServiceAccount> LoadServiceAccount(const std::string& path);
// The same from the file's text.
StatusOr<ServiceAccount> ParseServiceAccount(const std::string& json_text);

}  // namespace mentorbot
