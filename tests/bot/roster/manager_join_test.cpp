// JoinedManagerOf over a map-backed org chart: a key's own listing first,
// the same person's entry under another key (joined by email) when it
// lists nothing, and the manager named in the asking key's namespace.
#include "bot/engine/roster/manager_join.h"

#include <gtest/gtest.h>

#include <map>

#include "bot/engine/roster/leadership_chain.h"

namespace mentorbot {
namespace {

class MapChart : public OrgChartSource {
 public:
  void Person(const std::string& key, const std::string& email, std::optional<std::string> manager = std::nullopt) {
    if (!email.empty()) emails[key] = email;
    if (manager) managers[key] = *manager;
  }
  std::optional<std::string> ListedManager(const std::string& key) override {
    auto it = managers.find(key);
    return it == managers.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::string EmailOf(const std::string& key) override { return emails.count(key) ? emails[key] : ""; }
  std::vector<std::string> KeysWithEmail(const std::string& email) override {
    std::vector<std::string> keys;
    for (const auto& [key, its] : emails) {
      if (its == email && key.rfind("email:", 0) != 0) keys.push_back(key);
    }
    return keys;
  }
  std::map<std::string, std::string> managers;
  std::map<std::string, std::string> emails;
};

class ManagerJoinTest : public ::testing::Test {
 protected:
  ManagerJoinTest() {
    // Entra ID knows the org chart; the Slack workspace has no manager field.
    chart.Person("teams:TEN:aad-vp", "vp@x.com", "");
    chart.Person("teams:TEN:aad-lead", "lead@x.com", "teams:TEN:aad-vp");
    chart.Person("teams:TEN:aad-dev", "dev@x.com", "teams:TEN:aad-lead");
    chart.Person("slack:T1:UVP", "vp@x.com");
    chart.Person("slack:T1:UDEV", "dev@x.com");
  }
  std::string Of(const std::string& key) { return JoinedManagerOf(chart, key); }
  MapChart chart;
};

TEST_F(ManagerJoinTest, ASlackMemberTakesTheManagerTheGraphListsForTheirEmail) {
  EXPECT_EQ(Of("slack:T1:UDEV"), "teams:TEN:aad-lead") << "the lead has no Slack key: named as Graph names them";
  EXPECT_EQ(Of("teams:TEN:aad-lead"), "teams:TEN:aad-vp");
  chart.Person("slack:T1:ULEAD", "lead@x.com");
  EXPECT_EQ(Of("slack:T1:UDEV"), "slack:T1:ULEAD") << "named in the asker's workspace where they have a key";
  EXPECT_EQ(Of("slack:T1:ULEAD"), "slack:T1:UVP");
  const ManagerLookup lookup = [&](const std::string& key) { return Of(key); };
  const auto chain = ChainBetween("slack:T1:UDEV", "slack:T1:UVP", lookup);
  ASSERT_TRUE(chain.has_value()) << "the rule holds across sources";
  EXPECT_EQ(chain->size(), 3u);
}

TEST_F(ManagerJoinTest, AKeysOwnListingWinsAndAnExplicitNoneStops) {
  chart.Person("slack:T1:UDEV", "dev@x.com", "slack:T1:UVP");
  EXPECT_EQ(Of("slack:T1:UDEV"), "slack:T1:UVP");
  chart.Person("slack:T1:UDEV", "dev@x.com", "");
  EXPECT_EQ(Of("slack:T1:UDEV"), "") << "their own profile says none";
  EXPECT_EQ(Of("slack:T1:UNOBODY"), "") << "no listing, no email";
}

TEST_F(ManagerJoinTest, ACsvRowKnownOnlyByEmailFillsWhatNoDirectoryLists) {
  chart.Person("slack:T1:UANA", "ana@x.com");
  chart.Person("email:ana@x.com", "ana@x.com", "email:vp@x.com");
  EXPECT_EQ(Of("slack:T1:UANA"), "slack:T1:UVP") << "the CSV's manager, linked to their Slack key";
  chart.Person("teams:TEN:aad-ana", "ana@x.com", "teams:TEN:aad-lead");
  EXPECT_EQ(Of("slack:T1:UANA"), "teams:TEN:aad-lead") << "a directory's listing before the CSV row";
  EXPECT_EQ(Of("email:ana@x.com"), "slack:T1:UVP") << "a manager named by email is linked to a user key";
}

}  // namespace
}  // namespace mentorbot
