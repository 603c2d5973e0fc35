// Writing a directory read into the org chart and the participants'
// profiles: which source wins per field, what a full read knows of those it
// no longer lists, and bad data reported without stopping the merge.
#include "bot/engine/directory/directory_merge.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>

#include "bot/engine/directory/manager_loops.h"
#include "bot/engine/roster/manager_lookup.h"
#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

DirectoryEntry Person(const std::string& id, const std::string& name, const std::string& manager) {
  DirectoryEntry entry;
  entry.id = id;
  entry.display_name = name;
  std::string lower = id;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  entry.email = lower + "@example.com";
  entry.department = "Dept " + id;
  entry.manager_id = manager;
  entry.active = true;
  return entry;
}

class DirectoryMergeTest : public ::testing::Test {
 protected:
  DirectoryChanges Merge(std::vector<DirectoryEntry> people, bool full = true, const std::string& source = "graph") {
    DirectoryRead read;
    read.platform = Platform::kSlack;
    read.workspace = "T1";
    read.full = full;
    read.people = std::move(people);
    DirectoryChanges changes;
    EXPECT_TRUE(bot.store().Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
      changes = MergeDirectoryRead(tx, source, read, bot.clock().Now());
    }).ok());
    return changes;
  }
  std::optional<RosterEntry> Row(const std::string& id) {
    std::optional<RosterEntry> row;
    bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { row = tx.roster().Find("slack:T1:" + id); });
    return row;
  }
  std::string ManagerOf(const std::string& id) {
    std::string manager;
    bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { manager = ManagerKeyOf(tx, "slack:T1:" + id); });
    return manager;
  }

  EngineHarness bot;
  const UserRef alice = EngineHarness::SlackUser("UALICE");
};

TEST_F(DirectoryMergeTest, WritesEveryoneAndCountsOnlyWhatChanged) {
  auto first = Merge({Person("UBOSS", "Boss", ""), Person("UALICE", "Alice", "UBOSS")});
  EXPECT_EQ(first.people_read, 2);
  EXPECT_EQ(first.added, 2);
  EXPECT_EQ(ManagerOf("UALICE"), "slack:T1:UBOSS");
  EXPECT_EQ(Row("UALICE")->source, "graph");

  auto again = Merge({Person("UBOSS", "Boss", ""), Person("UALICE", "Alice", "UBOSS")});
  EXPECT_EQ(again.added + again.changed, 0) << "an unchanged directory writes nothing";

  auto reorg = Merge({Person("UBOSS", "Boss", ""), Person("UNEW", "New boss", ""), Person("UALICE", "Alice", "UNEW")});
  EXPECT_EQ(reorg.added, 1);
  EXPECT_EQ(reorg.managers_changed, 1);
  EXPECT_EQ(ManagerOf("UALICE"), "slack:T1:UNEW");
}

TEST_F(DirectoryMergeTest, ParticipantsGetTheDirectoryManagerButKeepTheirOwnTimeZone) {
  bot.Send(alice, "join mentee", "UALICE");
  bot.Say(alice, "profile set timezone Asia/Tokyo");
  auto entry = Person("UALICE", "Alice Sato", "UBOSS");
  entry.time_zone = "Europe/Lisbon";
  entry.location = "Lisbon";
  auto changes = Merge({Person("UBOSS", "Boss", ""), entry});
  EXPECT_EQ(changes.profiles_updated, 1);
  auto person = bot.StoredPerson(alice);
  EXPECT_EQ(person->profile.manager, "slack:T1:UBOSS");
  EXPECT_EQ(person->profile.department, "Dept UALICE");
  EXPECT_EQ(person->profile.time_zone, "Asia/Tokyo") << "their own profile set wins";
  EXPECT_EQ(person->profile.location, "Lisbon") << "never set by them: the directory fills it";
  EXPECT_EQ(person->profile.email, "ualice@example.com");
}

TEST_F(DirectoryMergeTest, AFullReadDeactivatesWhoItNoLongerListsAndNamesDepartedParticipants) {
  bot.Send(alice, "join mentee", "UALICE");
  Merge({Person("UBOSS", "Boss", ""), Person("UALICE", "Alice", "UBOSS")});
  auto incremental = Merge({Person("UBOSS", "Boss", "")}, /*full=*/false);
  EXPECT_EQ(incremental.deactivated, 0) << "an incremental read names only what changed";
  auto full = Merge({Person("UBOSS", "Boss", "")});
  EXPECT_EQ(full.deactivated, 1);
  EXPECT_FALSE(Row("UALICE")->active);
  ASSERT_EQ(full.departed.size(), 1u);
  EXPECT_EQ(full.departed[0], bot.StoredPerson(alice)->id);
}

TEST_F(DirectoryMergeTest, RemovedAndDisabledAccountsAreInactive) {
  Merge({Person("UA", "A", ""), Person("UB", "B", "")});
  DirectoryEntry removed;
  removed.id = "UA";
  removed.removed = true;
  DirectoryEntry disabled;
  disabled.id = "UB";
  disabled.active = false;
  auto changes = Merge({removed, disabled}, /*full=*/false);
  EXPECT_EQ(changes.deactivated, 2);
  EXPECT_EQ(Row("UA")->name, "A") << "absent fields keep what was known";
}

TEST_F(DirectoryMergeTest, BadDataIsReportedOnceAndTheRestIsWritten) {
  auto looped_a = Person("UA", "A", "UB");
  auto looped_b = Person("UB", "B", "UA");
  auto twin = Person("UTWIN", "Twin", "");
  twin.email = "ua@example.com";
  DirectoryEntry no_id;
  auto outside = Person("UC", "C", "UOUTSIDE");
  DirectoryEntry bot_user = Person("UBOT", "A bot", "");
  bot_user.bot = true;
  auto changes = Merge({looped_a, looped_b, twin, no_id, outside, bot_user});
  EXPECT_EQ(changes.people_read, 4);
  std::vector<std::string> reasons;
  for (const auto& problem : changes.problems) reasons.push_back(problem.person_id + ": " + problem.reason);
  EXPECT_THAT(reasons, ElementsAre(HasSubstr("has no usable id"), HasSubstr("UTWIN: has the email ua@example.com"),
                                   HasSubstr("UC: has a manager the directory does not list"),
                                   HasSubstr("manager loop")));
  EXPECT_EQ(Row("UTWIN")->email, "") << "the first keeps a duplicate email";
  EXPECT_FALSE(Row("UBOT").has_value()) << "apps are not people";
}

TEST_F(DirectoryMergeTest, ABlankSlackManagerFieldKeepsTheCsvManager) {
  Merge({Person("UALICE", "Alice", "UCSV")}, true, "graph");
  Merge({Person("UALICE", "Alice", "")}, false, "slack");
  EXPECT_EQ(ManagerOf("UALICE"), "slack:T1:UCSV");
}

TEST(ManagerLoopsTest, FindsEachLoopOnceAndIgnoresChains) {
  auto loops = FindManagerLoops({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "a"}, {"e", "e"}, {"f", "g"}});
  ASSERT_EQ(loops.size(), 2u);
  EXPECT_THAT(loops[0], ElementsAre("a", "b", "c"));
  EXPECT_THAT(loops[1], ElementsAre("e"));
  EXPECT_THAT(FindManagerLoops({{"x", "y"}}), IsEmpty());
}

}  // namespace
}  // namespace mentorbot
