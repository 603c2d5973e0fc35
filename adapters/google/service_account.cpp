#include "adapters/google/service_account.h"

#include <openssl/pem.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "adapters/common/json_fields.h"

namespace mentorbot {

namespace {
StatusOr<std::shared_ptr<EVP_PKEY>> ReadPrivateKey(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  if (key == nullptr) return Status::InvalidArgument("service account key file: private_key is not a PEM private key");
  std::shared_ptr<EVP_PKEY> owned(key, EVP_PKEY_free);
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
    return Status::InvalidArgument("service account key file: private_key is not an RSA key");
  }
  return owned;
}
}  // namespace

StatusOr<ServiceAccount> ParseServiceAccount(const std::string& json_text) {
  const auto file = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!file.is_object()) return Status::InvalidArgument("service account key file is not a JSON object");
  const std::string type = StringField(file, "type");
  if (!type.empty() && type != "service_account") {
    return Status::InvalidArgument("service account key file: type is \"" + type + "\", not \"service_account\"");
  }
  ServiceAccount account;
  account.client_email = StringField(file, "client_email");
  account.private_key_id = StringField(file, "private_key_id");
  account.token_uri = StringField(file, "token_uri");
  const std::string pem = StringField(file, "private_key");
  for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"client_email", &account.client_email},
                                    {"private_key", &pem},
                                    {"private_key_id", &account.private_key_id},
                                    {"token_uri", &account.token_uri}}) {
    if (value->empty()) return Status::InvalidArgument(std::string("service account key file has no ") + name);
  }
  auto key = ReadPrivateKey(pem);
  if (!key.ok()) return key.status();
  account.private_key = std::move(key).value();
  return account;
}

StatusOr<ServiceAccount> LoadServiceAccount(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read the service account key file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  auto account = ParseServiceAccount(text.str());
  if (!account.ok()) return Status::InvalidArgument(account.status().message() + " (" + path + ")");
  return account;
}

}  // namespace mentorbot
