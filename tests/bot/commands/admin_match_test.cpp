// Roster import and matching in chat: admin roster import with a file,
// --skip-bad, admin match preview/apply/forbid/allow, the leadership chain
// through managers who never enrolled, and a mentor with two mentees.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Two mentors, three mentees, and managers who are in the org chart only.
// UM1 reports to ULEAD (named by email), who reports to UEXEC: UM1 and UEXEC
// are in one chain through a manager who never enrols.
constexpr const char* kRoster =
    "id,email,name,department,level,manager,location,time zone,role,capacity,background\n"
    "UBOSS,boss@example.com,Big Boss,Ops,11,,Berlin,Europe/Berlin,none,,\n"
    "ULEAD,lead@example.com,Team Lead,Ops,6,UEXEC,Berlin,Europe/Berlin,none,,\n"
    "UM1,,Mira Mentor,Ops,2,lead@example.com,Lagos,Africa/Lagos,mentor,2,career changer from nursing\n"
    "UM2,,Noor Mentor,Sales,3,,Berlin,Europe/Berlin,mentor,1,\n"
    "UE1,,Eve Exec,Finance,9,,Berlin,Europe/Berlin,mentee,,\n"
    "UE2,,Ed Exec,Finance,10,,Toronto,America/Toronto,mentee,,\n"
    "UEXEC,,Xavier Exec,Ops,10,boss@example.com,Berlin,Europe/Berlin,mentee,,\n";

class AdminMatchTest : public ::testing::Test {
 protected:
  Reply Upload(const UserRef& who, const std::string& csv, const std::string& text = "admin roster import") {
    Event event;
    event.from.user = who;
    event.text = text;
    event.attachment = Event::Attachment{"roster.csv", csv};
    return bot.engine().Handle(event);
  }
  std::string UploadText(const UserRef& who, const std::string& csv) { return Upload(who, csv).message.PlainText(); }
  int OpenPairs(const UserRef& who) {
    int count = 0;
    EXPECT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
      auto person = tx.people().Find(who);
      if (person) count = static_cast<int>(tx.pairs().OpenPairsOf(person->id).size());
    }).ok());
    return count;
  }
  static UserRef User(const std::string& id) { return EngineHarness::SlackUser(id); }

  EngineHarness bot;
  const UserRef admin = EngineHarness::SlackUser("UADMIN");
};

TEST_F(AdminMatchTest, OnlyAdminsImportARoster) {
  EXPECT_THAT(UploadText(User("UE1"), kRoster), HasSubstr("admin"));
  EXPECT_FALSE(bot.StoredPerson(User("UM1")));
}

TEST_F(AdminMatchTest, AnImportEnrolsTheParticipantsWithTheirProfiles) {
  const std::string reply = UploadText(admin, kRoster);
  EXPECT_THAT(reply, HasSubstr("Roster imported from roster.csv: 7 people"));
  auto mentor = bot.StoredPerson(User("UM1"));
  ASSERT_TRUE(mentor);
  EXPECT_EQ(mentor->role, Role::kMentor);
  EXPECT_EQ(mentor->capacity, 2);
  EXPECT_EQ(mentor->display_name, "Mira Mentor");
  EXPECT_EQ(mentor->profile.time_zone, "Africa/Lagos");
  EXPECT_EQ(mentor->profile.manager, "slack:T1:ULEAD") << "the manager named by email is resolved to their key";
  EXPECT_FALSE(bot.StoredPerson(User("UBOSS"))) << "org-chart-only people are not enrolled";

  // Importing again updates, never duplicates.
  EXPECT_THAT(UploadText(admin, kRoster), HasSubstr("7 people"));
  EXPECT_THAT(bot.Say(admin, "admin match preview"), HasSubstr("3 mentees, 2 mentors"));
}

TEST_F(AdminMatchTest, ABadRowStopsTheImportUntilAdminsSkipIt) {
  const std::string bad = std::string(kRoster) + "UM3,,Third,Ops,x,,Berlin,Nowhere/City,teacher,,\n";
  const std::string refused = UploadText(admin, bad);
  EXPECT_THAT(refused, HasSubstr("Nothing imported from roster.csv: 1 bad row"));
  EXPECT_THAT(refused, HasSubstr("line 9:"));
  EXPECT_THAT(refused, HasSubstr("admin roster import --skip-bad"));
  EXPECT_FALSE(bot.StoredPerson(User("UM1"))) << "nothing is imported while a row is bad";

  EXPECT_THAT(bot.Say(admin, "admin roster import --skip-bad"), HasSubstr("7 people, skipping 1 bad row"));
  EXPECT_TRUE(bot.StoredPerson(User("UM1")));
  EXPECT_THAT(bot.Say(admin, "admin roster import --skip-bad"), HasSubstr("No roster file is waiting"));
  EXPECT_THAT(bot.Say(admin, "admin roster import"), HasSubstr("Upload the roster as a CSV file"));
}

TEST_F(AdminMatchTest, PreviewProposesWithReasonsAndNeverInsideAChain) {
  UploadText(admin, kRoster);
  const std::string preview = bot.Say(admin, "admin match preview");
  EXPECT_THAT(preview, HasSubstr("Match preview"));
  EXPECT_THAT(preview, HasSubstr("different departments"));
  EXPECT_THAT(preview, Not(HasSubstr("nursing"))) << "backgrounds are never shown";
  EXPECT_THAT(preview, Not(HasSubstr("Mira Mentor mentors Xavier Exec")));
  EXPECT_EQ(OpenPairs(User("UM1")), 0) << "a preview creates nothing";
  // The same rule for pairing by hand, through the roster's managers.
  EXPECT_THAT(bot.Say(admin, "admin pair <@UM1> <@UEXEC>"), HasSubstr("same leadership chain"));
}

TEST_F(AdminMatchTest, ApplyCreatesThePairsAndAMentorTakesUpToTheirCapacity) {
  UploadText(admin, kRoster);
  const std::string applied = bot.Say(admin, "admin match apply");
  EXPECT_THAT(applied, HasSubstr("Created 3 pairs"));
  EXPECT_EQ(OpenPairs(User("UM1")), 2) << "capacity 2";
  EXPECT_EQ(OpenPairs(User("UM2")), 1);
  EXPECT_EQ(OpenPairs(User("UEXEC")), 1) << "with UM2, outside their chain";
  EXPECT_THAT(bot.Say(admin, "admin match preview"), HasSubstr("0 mentees"));
  // A mentor at capacity is refused by hand too.
  bot.Say(User("UE3"), "join mentee");
  EXPECT_THAT(bot.Say(admin, "admin pair <@UM1> <@UE3>"), HasSubstr("already mentors 2 people"));
}

TEST_F(AdminMatchTest, AMentorWithTwoMenteesSaysWhichPairTheyMean) {
  UploadText(admin, kRoster);
  bot.Say(admin, "admin match apply");
  EXPECT_THAT(bot.Say(User("UM1"), "met"), HasSubstr("You mentor 2 people"));
  bot.Say(User("UE1"), "schedule tomorrow 15:00");
  // The Confirm button carries the session; typed without it, the nearest proposal is meant.
  EXPECT_THAT(bot.Say(User("UM1"), "confirm"), HasSubstr("Confirmed"));
  const std::string status = bot.Say(User("UE1"), "status");
  EXPECT_THAT(status, HasSubstr("confirmed"));
}

TEST_F(AdminMatchTest, AManagerFirstKnownByEmailIsLinkedWhenALaterImportGivesTheirId) {
  UploadText(admin, "id,email,name,manager,role,capacity\nUM1,,Mira,lead@example.com,mentor,2\n"
                    "UEXEC,exec@example.com,Xavier,,mentee,\n");
  EXPECT_THAT(bot.Say(admin, "admin match preview"), HasSubstr("@Mira mentors @Xavier"));
  // The lead, named by email so far, reports to the exec: now they are in one chain.
  UploadText(admin, "id,email,name,manager,role\nULEAD,lead@example.com,Lead,UEXEC,none\n");
  EXPECT_THAT(bot.Say(admin, "admin match preview"), HasSubstr("leadership chain"));
  EXPECT_THAT(bot.Say(admin, "admin pair <@UM1> <@UEXEC>"), HasSubstr("same leadership chain"));
  // A file without a capacity column keeps the capacity an earlier one gave.
  UploadText(admin, "id,role\nUM1,mentor\n");
  EXPECT_EQ(bot.StoredPerson(User("UM1"))->capacity, 2);
  EXPECT_EQ(bot.StoredPerson(User("UM1"))->profile.manager, "email:lead@example.com") << "kept, and linked when read";
}

TEST_F(AdminMatchTest, AnOrgChartKnownOnlyByEmailReachesSlackMembersWithThoseEmails) {
  // The CSV has no Slack ids: the chart is by address (as an HR export is).
  UploadText(admin, "id,email,name,manager,role\n,mira@x.com,Mira,lead@x.com,none\n"
                    ",lead@x.com,Lead,xavier@x.com,none\n,xavier@x.com,Xavier,,none\n");
  bot.Say(User("UM1"), "join mentor");
  bot.Say(User("UEXEC"), "join mentee");
  bot.store().Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    for (auto [id, email] : {std::pair{"UM1", "mira@x.com"}, std::pair{"UEXEC", "xavier@x.com"}}) {
      auto person = tx.people().Find(User(id));
      person->profile.email = email;  // as users.info gives it
      tx.people().Save(*person);
    }
  });
  EXPECT_THAT(bot.Say(admin, "admin match preview"), HasSubstr("leadership chain"));
  EXPECT_THAT(bot.Say(admin, "admin pair <@UM1> <@UEXEC>"), HasSubstr("@UM1 reports to"));
}

TEST_F(AdminMatchTest, ForbiddenAndFormerPairsAreNotProposed) {
  UploadText(admin, "id,name,department,role\nUM1,Mira,Ops,mentor\nUE1,Eve,Finance,mentee\n");
  EXPECT_THAT(bot.Say(admin, "admin match forbid <@UM1> <@UE1>"), HasSubstr("never pair"));
  const std::string forbidden = bot.Say(admin, "admin match preview");
  EXPECT_THAT(forbidden, HasSubstr("do-not-pair"));
  EXPECT_THAT(bot.Say(admin, "admin match apply"), HasSubstr("No pairs to create"));
  EXPECT_THAT(bot.Say(admin, "admin match allow <@UE1> <@UM1>"), HasSubstr("may pair"));
  EXPECT_THAT(bot.Say(admin, "admin match apply"), HasSubstr("Created 1 pair;"));
  bot.Say(admin, "admin unpair <@UE1>");
  EXPECT_THAT(bot.Say(admin, "admin match preview"), HasSubstr("met before"));
  EXPECT_THAT(bot.Say(admin, "admin match forbid <@UM1>"), HasSubstr("Name two different people"));
}

}  // namespace
}  // namespace mentorbot
