#include "bot/engine/roster/roster_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/bot/roster/roster_csv_support.h"

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

using namespace roster_test;

// ---- Header ----------------------------------------------------------------

TEST(RosterCsvTest, AcceptsACleanFileWithEveryColumn) {
  auto roster = Parse(
      "id,email,name,department,level,manager,location,time zone,role,capacity,background\n"
      "U1,Sam@Example.com,Sam Lee,Finance,L4,U2,Lisbon,europe/lisbon,Mentor,3,first-generation graduate\n"
      "U2,ana@example.com,Ana,Board,9,none,Berlin,Europe/Berlin,mentee,,\n");
  ASSERT_THAT(Problems(roster), IsEmpty());
  ASSERT_EQ(roster.rows.size(), 2u);
  const RosterRow& sam = roster.rows[0];
  EXPECT_EQ(sam.line, 2);
  EXPECT_EQ(sam.key, "slack:T1:U1");
  EXPECT_EQ(sam.email, "sam@example.com");
  EXPECT_EQ(sam.name, "Sam Lee");
  EXPECT_EQ(sam.department, "Finance");
  EXPECT_EQ(sam.level, 4);
  EXPECT_EQ(sam.manager, "slack:T1:U2");
  EXPECT_EQ(sam.location, "Lisbon");
  EXPECT_EQ(sam.time_zone, "Europe/Lisbon");
  EXPECT_EQ(sam.role, Role::kMentor);
  EXPECT_EQ(sam.capacity, 3);
  EXPECT_EQ(sam.background, "first-generation graduate");
  const RosterRow& ana = roster.rows[1];
  EXPECT_EQ(ana.line, 3);
  EXPECT_EQ(ana.manager, "");
  EXPECT_EQ(ana.role, Role::kMentee);
  EXPECT_EQ(ana.capacity, 1);
}

TEST(RosterCsvTest, ColumnsMayUseAliasesInAnyOrderAndUnknownColumnsAreIgnored) {
  auto roster = Parse(
      "Max-Mentees, ROLE ,Reports_To,TZ,Office,Grade,Team,Full Name,E-Mail,Slack ID,Shoe Size\n"
      "2,mentor,boss@example.com,Asia/Kolkata,Pune,7,Ops,Ravi,ravi@example.com,U9,44\n");
  ASSERT_THAT(Problems(roster), IsEmpty());
  ASSERT_EQ(roster.rows.size(), 1u);
  const RosterRow& ravi = roster.rows[0];
  EXPECT_EQ(ravi.key, "slack:T1:U9");
  EXPECT_EQ(ravi.email, "ravi@example.com");
  EXPECT_EQ(ravi.name, "Ravi");
  EXPECT_EQ(ravi.department, "Ops");
  EXPECT_EQ(ravi.level, 7);
  EXPECT_EQ(ravi.location, "Pune");
  EXPECT_EQ(ravi.time_zone, "Asia/Kolkata");
  EXPECT_EQ(ravi.manager, "email:boss@example.com");
  EXPECT_EQ(ravi.capacity, 2);
}

TEST(RosterCsvTest, OtherIdAndEmailAliasesNameTheSameColumns) {
  for (const char* id : {"user id", "User", "member_id", "AAD Object ID", "teams-id", "id"}) {
    for (const char* email : {"email", "mail", "e_mail"}) {
      auto roster = Parse(std::string(id) + "," + email + ",role\nU1,a@b.co,mentee\n");
      ASSERT_THAT(Problems(roster), IsEmpty()) << id << " / " << email;
      EXPECT_EQ(roster.rows.at(0).email, "a@b.co");
      EXPECT_EQ(roster.rows.at(0).key, "slack:T1:U1");
    }
  }
}

TEST(RosterCsvTest, WithoutIdAndEmailColumnsThereIsOneProblemOnLineOneAndNoRows) {
  auto roster = Parse("name,department\nSam,Finance\nAna,Ops\n");
  EXPECT_THAT(roster.rows, IsEmpty());
  ASSERT_EQ(roster.problems.size(), 1u);
  EXPECT_EQ(roster.problems[0].line, 1);
  EXPECT_THAT(roster.problems[0].reason, HasSubstr("no id or email column"));
  EXPECT_THAT(roster.problems[0].reason, HasSubstr("no role column"));
}

TEST(RosterCsvTest, AMissingRoleColumnIsAProblemOnLineOneButRowsAreStillChecked) {
  auto roster = Parse("email,level\na@example.com,3\nb@example.com,300\n");
  EXPECT_THAT(Problems(roster), ElementsAre(HasSubstr("line 1: the header has no role column"),
                                            HasSubstr("line 3: level must be a whole number from 1 to 99")));
  EXPECT_THAT(LinesOf(roster), ElementsAre(2));
}

TEST(RosterCsvTest, TwoColumnsMeaningTheSameThingStopTheImport) {
  auto roster = Parse("id,Email,mail,role\nU1,a@example.com,b@example.com,mentee\n");
  EXPECT_THAT(roster.rows, IsEmpty());
  EXPECT_THAT(Problems(roster), ElementsAre("line 1: the columns 'Email' and 'mail' both mean email"));
}

TEST(RosterCsvTest, AnEmptyFileIsAProblemOnLineOne) {
  for (const char* csv : {"", "\n\n", "\xEF\xBB\xBF"}) {
    auto roster = Parse(csv);
    EXPECT_THAT(roster.rows, IsEmpty());
    EXPECT_THAT(Problems(roster), ElementsAre(HasSubstr("line 1: the file is empty")));
  }
}

// ---- Records and line numbers ----------------------------------------------

TEST(RosterCsvTest, AByteOrderMarkAndCrLfLineEndingsAreAccepted) {
  auto roster = Parse("\xEF\xBB\xBFid,role,name\r\nU1,mentee,Sam\r\nU2,mentor,Ana\r\n");
  ASSERT_THAT(Problems(roster), IsEmpty());
  ASSERT_EQ(roster.rows.size(), 2u);
  EXPECT_EQ(roster.rows[0].key, "slack:T1:U1");
  EXPECT_EQ(roster.rows[1].name, "Ana");  // no stray '\r'
  EXPECT_EQ(roster.rows[1].line, 3);
}

TEST(RosterCsvTest, AQuotedFieldMayHoldCommasQuotesAndLineBreaks) {
  auto roster = Parse(
      "id,name,role,background\n"
      "U1,\"Lee, Sam\",mentee,\n"
      "U2,\"Ana \"\"the boss\"\" Silva\",mentor,\n"
      "U3,Kai,mentee,\"two\nlines\"\n"
      "U4,Mo,mentee,\"three\r\nline\nbreaks\"\n"
      "U5,Bo,bogus,\n");
  EXPECT_THAT(LinesOf(roster), ElementsAre(2, 3, 4, 6));
  EXPECT_EQ(roster.rows.at(0).name, "Lee, Sam");
  EXPECT_EQ(roster.rows.at(1).name, "Ana \"the boss\" Silva");
  EXPECT_EQ(roster.rows.at(2).background, "two\nlines");
  EXPECT_EQ(roster.rows.at(3).background, "three\r\nline\nbreaks");
  EXPECT_THAT(Problems(roster), ElementsAre("line 9: role 'bogus' must be mentor, mentee or none"));
}

TEST(RosterCsvTest, BlankLinesAreSkippedButStillCounted) {
  auto roster = Parse("\nid,role\n\nU1,mentee\n,\n   \nU2,x\n\n");
  EXPECT_THAT(LinesOf(roster), ElementsAre(4));
  EXPECT_THAT(Problems(roster), ElementsAre(HasSubstr("line 7: role 'x'")));
}

TEST(RosterCsvTest, AnUnterminatedQuoteIsAProblemOnTheLineWhereTheFieldOpened) {
  auto roster = Parse("id,role,name\nU1,mentee,Sam\nU2,mentee,\"Ana\nU3,mentee,Kai\n");
  EXPECT_THAT(LinesOf(roster), ElementsAre(2));
  EXPECT_THAT(Problems(roster), ElementsAre(HasSubstr("line 3: a quoted field opened on line 3 is never closed")));
}

TEST(RosterCsvTest, MoreFieldsThanTheHeaderIsAProblemAndMissingFieldsAreEmpty) {
  auto roster = Parse("id,role,name,department\nU1,mentee,Sam,Ops,extra\nU2,mentor\n");
  EXPECT_THAT(Problems(roster), ElementsAre("line 2: the row has 5 fields but the header has 4 columns"));
  ASSERT_THAT(LinesOf(roster), ElementsAre(3));
  EXPECT_EQ(roster.rows[0].name, "");
  EXPECT_EQ(roster.rows[0].department, "");
}

TEST(RosterCsvTest, RowsBeyondMaxRowsStopTheImportAtTheFirstExtraLine) {
  RosterOptions options = InSlack();
  options.max_rows = 2;
  auto roster = ParseRoster("id,role\nU1,mentee\n\nU2,mentee\nU3,mentee\nU4,mentee\n", options);
  EXPECT_THAT(LinesOf(roster), ElementsAre(2, 4));
  EXPECT_THAT(Problems(roster),
              ElementsAre("line 5: the file has more than 2 rows; import at most that many at a time"));
}

// ---- Ids and emails --------------------------------------------------------

TEST(RosterCsvTest, BareIdsAndMentionsAreTakenInTheImportersSlackWorkspace) {
  auto roster = Parse("id,role\nU1,mentee\n<@U2|ana>,mentee\n@U3,mentee\nslack:T9:U4,mentee\n");
  ASSERT_THAT(Problems(roster), IsEmpty());
  std::vector<std::string> keys;
  for (const auto& row : roster.rows) keys.push_back(row.key);
  EXPECT_THAT(keys, ElementsAre("slack:T1:U1", "slack:T1:U2", "slack:T1:U3", "slack:T9:U4"));
}

TEST(RosterCsvTest, AadObjectIdsAreTakenInTheImportersTeamsTenant) {
  RosterOptions options;
  options.workspace_of = kTeamsAdmin;
  auto roster = ParseRoster("AAD Object ID,role\n2c8e4d0f-5a7b-4c1e-9f3a-6b2d8e7c1a90,mentee\n", options);
  ASSERT_THAT(Problems(roster), IsEmpty());
  EXPECT_EQ(roster.rows.at(0).key, "teams:7f3c2b1a-0000-4000-8000-00000000aaaa:2c8e4d0f-5a7b-4c1e-9f3a-6b2d8e7c1a90");
}

TEST(RosterCsvTest, WithoutAWorkspaceOnlyFullUserKeysAreIds) {
  auto roster = ParseRoster("id,role\nslack:T1:U1,mentee\nU2,mentee\n", RosterOptions{});
  EXPECT_THAT(LinesOf(roster), ElementsAre(2));
  ASSERT_EQ(roster.problems.size(), 1u);
  EXPECT_EQ(roster.problems[0].line, 3);
  EXPECT_THAT(roster.problems[0].reason, HasSubstr("id 'U2' is not a Slack or Teams user id"));
  EXPECT_THAT(roster.problems[0].reason, HasSubstr("full user key such as slack:T"));
}

TEST(RosterCsvTest, AMalformedIdIsReportedWithTheIdAsWritten) {
  auto roster = Parse("id,role\ntwo words,mentee\nfax:T1:U1,mentee\n");
  EXPECT_THAT(Problems(roster), ElementsAre("line 2: id 'two words' is not a Slack or Teams user id",
                                            "line 3: id 'fax:T1:U1' is not a Slack or Teams user id"));
}

TEST(RosterCsvTest, EmailsAreLowerCasedAndMalformedOnesReported) {
  auto roster = Parse(
      "email,role\n Sam.Lee@Example.COM ,none\nno-at-sign,none\na@nodot,none\nx@y.com;z@y.com,none\n@y.com,none\n");
  ASSERT_THAT(LinesOf(roster), ElementsAre(2));
  EXPECT_EQ(roster.rows[0].email, "sam.lee@example.com");
  EXPECT_EQ(roster.rows[0].key, "email:sam.lee@example.com");
  EXPECT_THAT(Problems(roster), ElementsAre(HasSubstr("line 3: email 'no-at-sign' is not an email address"),
                                            HasSubstr("line 4: email 'a@nodot'"),
                                            HasSubstr("line 5: email 'x@y.com;z@y.com'"),
                                            HasSubstr("line 6: email '@y.com'")));
}

TEST(RosterCsvTest, ARowNeedsAnIdOrAnEmail) {
  auto roster = Parse("id,email,name,role\n,,Sam,none\n");
  EXPECT_THAT(Problems(roster), ElementsAre("line 2: the row needs an id or an email"));
}

TEST(RosterCsvTest, TheKeyIsTheUserKeyWhenThereIsAnIdElseTheEmail) {
  auto roster = Parse("id,email,role\nU1,a@example.com,mentee\n,b@example.com,\n");
  ASSERT_EQ(roster.rows.size(), 2u);
  EXPECT_EQ(roster.rows[0].key, "slack:T1:U1");
  EXPECT_EQ(roster.rows[1].key, "email:b@example.com");
}

// ---- Roles and capacity ----------------------------------------------------

TEST(RosterCsvTest, RolesAreCaseInsensitiveAndEmptyOrNoneMeansInTheOrgChartOnly) {
  auto roster = Parse("email,id,role\na@x.io,U1,MENTOR\nb@x.io,U2,Mentee\nc@x.io,,None\nd@x.io,,\ne@x.io,,boss\n");
  ASSERT_EQ(roster.rows.size(), 4u);
  EXPECT_EQ(roster.rows[0].role, Role::kMentor);
  EXPECT_EQ(roster.rows[1].role, Role::kMentee);
  EXPECT_EQ(roster.rows[2].role, std::nullopt);
  EXPECT_EQ(roster.rows[3].role, std::nullopt);
  EXPECT_THAT(Problems(roster), ElementsAre("line 6: role 'boss' must be mentor, mentee or none"));
}

TEST(RosterCsvTest, AMentorOrMenteeWithOnlyAnEmailIsAProblem) {
  auto roster = Parse("email,role\na@x.io,mentee\nb@x.io,mentor\n");
  EXPECT_THAT(roster.rows, IsEmpty());
  EXPECT_THAT(Problems(roster),
              ElementsAre("line 2: a mentee needs an id (their Slack member ID or Teams user id): "
                          "an email alone cannot be messaged",
                          HasSubstr("line 3: a mentor needs an id")));
}

TEST(RosterCsvTest, CapacityDefaultsToOneAndIsAWholeNumberUpToTheMaximum) {
  auto roster = Parse("id,role,capacity\nU1,mentor,\nU2,mentor,5\nU3,mentor,6\nU4,mentor,0\nU5,mentor,two\n");
  ASSERT_THAT(LinesOf(roster), ElementsAre(2, 3));
  EXPECT_EQ(roster.rows[0].capacity, 1);
  EXPECT_EQ(roster.rows[1].capacity, 5);
  EXPECT_THAT(Problems(roster), ElementsAre("line 4: capacity '6' must be a whole number from 1 to 5",
                                            "line 5: capacity '0' must be a whole number from 1 to 5",
                                            "line 6: capacity 'two' must be a whole number from 1 to 5"));
  RosterOptions options = InSlack();
  options.max_capacity = 8;
  EXPECT_EQ(ParseRoster("id,role,capacity\nU1,mentor,8\n", options).rows.at(0).capacity, 8);
}

TEST(RosterCsvTest, OnlyMentorsHaveACapacityAboveOne) {
  auto roster = Parse("id,email,role,capacity\nU1,,mentee,1\nU2,,mentee,2\n,c@x.io,none,3\n,d@x.io,,1\n");
  EXPECT_THAT(LinesOf(roster), ElementsAre(2, 5));
  EXPECT_THAT(Problems(roster), ElementsAre("line 3: capacity 2 is for mentors only; this row's role is mentee",
                                            "line 4: capacity 3 is for mentors only; this row's role is none"));
}

// ---- Profile values --------------------------------------------------------

TEST(RosterCsvTest, LevelIsEmptyOrAGradeInTheProfileRange) {
  auto roster = Parse(
      "id,role,level\nU1,mentee,\nU2,mentee,L12\nU3,mentee,99\nU4,mentee,0\nU5,mentee,100\nU6,mentee,senior\n");
  ASSERT_THAT(LinesOf(roster), ElementsAre(2, 3, 4));
  EXPECT_EQ(roster.rows[0].level, std::nullopt);
  EXPECT_EQ(roster.rows[1].level, 12);
  EXPECT_EQ(roster.rows[2].level, 99);
  EXPECT_THAT(Problems(roster), ElementsAre(HasSubstr("line 5: level must be a whole number from 1 to 99"),
                                            HasSubstr("line 6: level must"), HasSubstr("line 7: level must")));
}

TEST(RosterCsvTest, TimeZonesAreStoredInTheirCanonicalSpelling) {
  auto roster =
      Parse("id,role,timezone\nU1,mentee,europe/berlin\nU2,mentee, AMERICA/NEW_YORK \nU3,mentee,Mars/Olympus\n");
  ASSERT_THAT(LinesOf(roster), ElementsAre(2, 3));
  EXPECT_EQ(roster.rows[0].time_zone, "Europe/Berlin");
  EXPECT_EQ(roster.rows[1].time_zone, "America/New_York");
  EXPECT_THAT(Problems(roster), ElementsAre(HasSubstr("line 4: \"Mars/Olympus\" is not a time zone I know")));
}

TEST(RosterCsvTest, TextValuesAreTrimmedAndLimitedLikeProfileFields) {
  const std::string long_name(201, 'n');
  const std::string long_background(1001, 'b');
  auto roster = Parse("id,role,name,department,location,background\n"
                      "U1,mentee,  Sam  , Ops ,\" Lisbon \",\"  shy  \"\n"
                      "U2,mentee," + long_name + ",,,\n"
                      "U3,mentee,Ana,,," + long_background + "\n"
                      "U4,mentee,Kai,,," + std::string(1000, 'b') + "\n");
  ASSERT_THAT(LinesOf(roster), ElementsAre(2, 5));
  EXPECT_EQ(roster.rows[0].name, "Sam");
  EXPECT_EQ(roster.rows[0].department, "Ops");
  EXPECT_EQ(roster.rows[0].location, "Lisbon");
  EXPECT_EQ(roster.rows[0].background, "shy");
  EXPECT_THAT(Problems(roster), ElementsAre("line 3: name can be at most 200 characters",
                                            "line 4: background can be at most 1000 characters"));
}

TEST(RosterCsvTest, EveryProblemOfARowIsJoinedIntoOneProblem) {
  auto roster = Parse("id,email,role,level,time zone,extra\nbad id,not-an-email,chief,L0,Nowhere,x,y\n");
  ASSERT_EQ(roster.problems.size(), 1u);
  EXPECT_EQ(roster.problems[0].line, 2);
  const std::string& reason = roster.problems[0].reason;
  EXPECT_THAT(reason, HasSubstr("the row has 7 fields but the header has 6 columns; id 'bad id'"));
  EXPECT_THAT(reason, HasSubstr("; email 'not-an-email'"));
  EXPECT_THAT(reason, HasSubstr("; role 'chief'"));
  EXPECT_THAT(reason, HasSubstr("; level must"));
  EXPECT_THAT(reason, HasSubstr("; \"Nowhere\" is not a time zone"));
}

// ---- The same person twice -------------------------------------------------

TEST(RosterCsvTest, TheSamePersonTwiceIsAProblemOnTheLaterRow) {
  auto roster = Parse(
      "id,email,role\n"
      "U1,a@x.io,mentee\n"
      "<@U1>,,mentor\n"        // the same key, written differently
      "U2,A@X.IO,mentee\n"     // another id, the same email
      ",b@x.io,none\n"
      ",B@x.io,none\n");       // the same email key
  EXPECT_THAT(LinesOf(roster), ElementsAre(2, 5));
  EXPECT_THAT(Problems(roster), ElementsAre("line 3: the same person as line 2", "line 4: the same person as line 2",
                                            "line 6: the same person as line 5"));
}

}  // namespace
}  // namespace mentorbot
