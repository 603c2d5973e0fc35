// Windows time-zone names as Exchange keeps them, mapped to IANA names
// through ICU's copy of CLDR's windowsZones table.
#include "adapters/graph/windows_time_zones.h"

#include <gtest/gtest.h>

namespace mentorbot {
namespace {

TEST(WindowsTimeZonesTest, MapsWindowsNamesToTheZoneOfTheirMainTerritory) {
  EXPECT_EQ(IanaTimeZoneOfWindows("Pacific Standard Time"), "America/Los_Angeles");
  EXPECT_EQ(IanaTimeZoneOfWindows("W. Europe Standard Time"), "Europe/Berlin");
  EXPECT_EQ(IanaTimeZoneOfWindows("Tokyo Standard Time"), "Asia/Tokyo");
  EXPECT_EQ(IanaTimeZoneOfWindows("India Standard Time"), "Asia/Calcutta");
  EXPECT_EQ(IanaTimeZoneOfWindows("UTC"), "Etc/UTC");
}

TEST(WindowsTimeZonesTest, PassesIanaNamesIcuKnowsThrough) {
  EXPECT_EQ(IanaTimeZoneOfWindows("Europe/Berlin"), "Europe/Berlin");
  EXPECT_EQ(IanaTimeZoneOfWindows("America/Sao_Paulo"), "America/Sao_Paulo");
}

TEST(WindowsTimeZonesTest, RefusesWhatIsNoZone) {
  EXPECT_EQ(IanaTimeZoneOfWindows(""), std::nullopt);
  EXPECT_EQ(IanaTimeZoneOfWindows("Customized Time Zone"), std::nullopt);
  EXPECT_EQ(IanaTimeZoneOfWindows("Mars/Olympus_Mons"), std::nullopt);
  EXPECT_EQ(IanaTimeZoneOfWindows(std::string(300, 'x')), std::nullopt);
}

}  // namespace
}  // namespace mentorbot
