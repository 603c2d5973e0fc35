// base64url (RFC 4648 §5) as JWTs use it: encoded without padding, decoded
// with or without. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mentorbot {

// nullopt on a character outside the base64url alphabet or a bad length. Padding is accepted.
std::optional<std::string> Base64UrlDecode(std::string_view text);
std::string Base64UrlEncode(std::string_view bytes);

}  // namespace mentorbot
