// ProfileSync with a scripted directory: the platform's time zone and name
// fill in what a person has not set, once per person.
#include "bot/engine/directory/profile_sync.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;

class ScriptedDirectory : public UserDirectory {
 public:
  StatusOr<DirectoryProfile> Lookup(const UserRef& user) override {
    ++lookups;
    if (unavailable) return Status::Unavailable("down");
    auto it = profiles.find(user.user_id);
    if (it == profiles.end()) return Status::NotFound("user_not_found");
    return it->second;
  }
  std::map<std::string, DirectoryProfile> profiles;
  bool unavailable = false;
  int lookups = 0;
};

class ProfileSyncTest : public ::testing::Test {
 protected:
  EngineHarness bot;
  ScriptedDirectory directory;
  ProfileSync sync{bot.store(), bot.clock(), {{Platform::kSlack, &directory}}};
  const UserRef alice = EngineHarness::SlackUser("UALICE");
};

TEST_F(ProfileSyncTest, FillsInTheTimeZoneAndNameOnceAndStatusUsesThem) {
  directory.profiles["UALICE"] = DirectoryProfile{"Asia/Tokyo", "Alice Sato"};
  bot.Send(alice, "join mentee", "UALICE");
  EXPECT_EQ(sync.SyncDue(), 1);
  auto person = bot.StoredPerson(alice);
  EXPECT_EQ(person->profile.time_zone, "Asia/Tokyo");
  EXPECT_EQ(person->display_name, "Alice Sato");
  EXPECT_THAT(bot.Say(alice, "status"), HasSubstr("since 2026-11-23 18:00 JST"));
  EXPECT_EQ(sync.SyncDue(), 0) << "looked up once";
  EXPECT_EQ(directory.lookups, 1);
}

TEST_F(ProfileSyncTest, WhatThePersonSetThemselvesWins) {
  directory.profiles["UALICE"] = DirectoryProfile{"Asia/Tokyo", "Alice Sato"};
  bot.Send(alice, "join mentee", "alice.s");
  bot.Say(alice, "profile set timezone Europe/Paris");
  sync.SyncDue();
  auto person = bot.StoredPerson(alice);
  EXPECT_EQ(person->profile.time_zone, "Europe/Paris");
  EXPECT_EQ(person->display_name, "alice.s") << "a name the platform gave is kept";
}

TEST_F(ProfileSyncTest, UnknownPeopleAreNotAskedAgainButOutagesAre) {
  bot.Say(alice, "join mentee");
  directory.unavailable = true;
  EXPECT_EQ(sync.SyncDue(), 0);
  directory.unavailable = false;
  EXPECT_EQ(sync.SyncDue(), 1) << "retried after the outage";
  EXPECT_EQ(sync.SyncDue(), 0) << "not found: not asked again";
  EXPECT_TRUE(bot.StoredPerson(alice)->profile.time_zone.empty());
}

TEST_F(ProfileSyncTest, AnInvalidZoneFromThePlatformIsIgnored) {
  directory.profiles["UALICE"] = DirectoryProfile{"Mars/Olympus", ""};
  bot.Say(alice, "join mentee");
  sync.SyncDue();
  EXPECT_TRUE(bot.StoredPerson(alice)->profile.time_zone.empty());
}

TEST_F(ProfileSyncTest, FillsInTheEmailInvitationsGoToUnlessThePersonGaveOne) {
  const UserRef bob = EngineHarness::SlackUser("UBOB");
  directory.profiles["UALICE"] = DirectoryProfile{"", "", "Alice.Sato@Example.com"};
  directory.profiles["UBOB"] = DirectoryProfile{"", "", "bob@example.com"};
  bot.Send(alice, "join mentee", "UALICE");
  bot.Send(bob, "join mentor", "UBOB");
  bot.Say(bob, "profile set email robert@example.com");
  sync.SyncDue();
  EXPECT_EQ(bot.StoredPerson(alice)->profile.email, "alice.sato@example.com");
  EXPECT_EQ(bot.StoredPerson(bob)->profile.email, "robert@example.com");
}

TEST_F(ProfileSyncTest, AnEmailThatIsNoAddressIsIgnored) {
  directory.profiles["UALICE"] = DirectoryProfile{"", "", "not an address"};
  bot.Send(alice, "join mentee", "UALICE");
  sync.SyncDue();
  EXPECT_EQ(bot.StoredPerson(alice)->profile.email, "");
}

}  // namespace
}  // namespace mentorbot
