// Where the Graph adapters (calendar, directory) get their app-only tokens:
// the Microsoft identity platform's client-credentials endpoint of the
// tenant, for Graph's .default scope (the app's granted permissions).
#pragma once

#include <string>

#include "adapters/common/form_decoding.h"

namespace mentorbot {

inline constexpr const char* kGraphAppScope = "https://graph.microsoft.com/.default";

// e.g. "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token".
inline std::string GraphTokenUrl(const std::string& login_base_url, const std::string& tenant_id) {
  return login_base_url + "/" + PercentEncode(tenant_id) + "/oauth2/v2.0/token";
}

}  // namespace mentorbot
