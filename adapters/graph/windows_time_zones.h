// Windows time-zone names ("Pacific Standard Time"), which Exchange keeps in
// a mailbox's settings by default, as IANA names ("America/Los_Angeles"),
// the only kind the program stores. The mapping is CLDR's windowsZones
// table through ICU (icu::TimeZone::getIDForWindowsID, the zone of the
// "001" territory, the one Windows means). Thread-safety: pure, callable
// from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mentorbot {

// The IANA name of a Windows time zone; an IANA name ICU knows passes
// through as it is (a mailbox the administrator set up with IANA names).
// nullopt for anything else ("", "Customized Time Zone", an unknown name).
std::optional<std::string> IanaTimeZoneOfWindows(std::string_view name);

}  // namespace mentorbot
