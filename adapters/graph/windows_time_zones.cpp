#include "adapters/graph/windows_time_zones.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace mentorbot {

namespace {

std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// True when ICU knows `id` as a zone id (canonical or an alias of one).
bool IsIanaZone(const icu::UnicodeString& id) {
  UErrorCode status = U_ZERO_ERROR;
  UBool is_system = false;
  icu::UnicodeString canonical;
  icu::TimeZone::getCanonicalID(id, canonical, is_system, status);
  return U_SUCCESS(status) && is_system;
}

}  // namespace

std::optional<std::string> IanaTimeZoneOfWindows(std::string_view name) {
  if (name.empty() || name.size() > 128) return std::nullopt;
  const icu::UnicodeString id =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString iana;
  icu::TimeZone::getIDForWindowsID(id, /*region=*/nullptr, iana, status);
  if (U_SUCCESS(status) && !iana.isEmpty()) return Utf8(iana);
  if (IsIanaZone(id)) return std::string(name);
  return std::nullopt;
}

}  // namespace mentorbot
