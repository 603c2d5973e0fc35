// Roster CSV: the manager column, and loops in the manager chain.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bot/engine/roster/roster_csv.h"
#include "tests/bot/roster/roster_csv_support.h"

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace roster_test;

std::string ManagerOf(const ParsedRoster& roster, int line) {
  for (const auto& row : roster.rows) {
    if (row.line == line) return row.manager;
  }
  return "<no row on line " + std::to_string(line) + ">";
}

TEST(RosterCsvTest, AManagerIsNamedByAnEmailOrIdInTheFileOrAUserKey) {
  auto roster = Parse(
      "id,email,role,manager\n"
      "U1,boss@x.io,none,\n"
      "U2,a@x.io,mentee,BOSS@x.io\n"            // 3: email of a row -> its key
      "U3,b@x.io,mentee,U1\n"                   // 4: bare id of a row
      "U4,c@x.io,mentee,<@U1>\n"                // 5: mention of a row
      "U5,d@x.io,mentee,slack:T2:U77\n"         // 6: user key not in the file
      "U6,e@x.io,mentee,ceo@x.io\n"             // 7: email not in the file
      ",f@x.io,none,none\n"                     // 8: none
      ",g@x.io,none,f@x.io\n"                   // 9: email-only row
      "U7,h@x.io,mentee,U88\n");                // 10: bare id not in the file
  ASSERT_THAT(Problems(roster), IsEmpty());
  EXPECT_EQ(ManagerOf(roster, 2), "");
  EXPECT_EQ(ManagerOf(roster, 3), "slack:T1:U1");
  EXPECT_EQ(ManagerOf(roster, 4), "slack:T1:U1");
  EXPECT_EQ(ManagerOf(roster, 5), "slack:T1:U1");
  EXPECT_EQ(ManagerOf(roster, 6), "slack:T2:U77");
  EXPECT_EQ(ManagerOf(roster, 7), "email:ceo@x.io");
  EXPECT_EQ(ManagerOf(roster, 8), "");
  EXPECT_EQ(ManagerOf(roster, 9), "email:f@x.io");
  EXPECT_EQ(ManagerOf(roster, 10), "slack:T1:U88");
}

TEST(RosterCsvTest, AManagerWhoIsNeitherAnIdNorAnEmailIsAProblem) {
  auto roster = Parse("id,role,manager\nU1,mentee,Jane Doe\n");
  EXPECT_THAT(Problems(roster), ElementsAre("line 2: manager 'Jane Doe' is neither an id nor an email"));
  auto without_workspace = ParseRoster("id,role,manager\nslack:T1:U1,mentee,U2\n", RosterOptions{});
  EXPECT_THAT(Problems(without_workspace),
              ElementsAre(HasSubstr("line 2: manager 'U2' is neither an id nor an email "
                                    "(ids must be full user keys")));
}

TEST(RosterCsvTest, APersonCannotBeTheirOwnManager) {
  auto roster = Parse("id,email,role,manager\nU1,a@x.io,mentee,a@x.io\nU2,,mentee,<@U2>\n");
  EXPECT_THAT(Problems(roster), ElementsAre("line 2: the manager 'a@x.io' is the person themselves",
                                            "line 3: the manager '<@U2>' is the person themselves"));
}

TEST(RosterCsvTest, AManagerLoopOfTwoIsReportedOnBothRows) {
  auto roster = Parse("id,email,role,manager\nU0,,none,\nU1,a@x.io,mentee,b@x.io\nU2,b@x.io,mentor,U1\n");
  EXPECT_THAT(LinesOf(roster), ElementsAre(2));
  EXPECT_THAT(Problems(roster), ElementsAre("line 3: the manager chain loops: line 3 → line 4 → line 3",
                                            "line 4: the manager chain loops: line 4 → line 3 → line 4"));
}

TEST(RosterCsvTest, AManagerLoopOfThreeIsReportedOnItsRowsOnly) {
  auto roster = Parse(
      "id,role,manager\n"
      "U9,mentee,U1\n"  // reports into the loop, is not part of it
      "U1,none,U2\n"
      "U2,none,U3\n"
      "U3,none,U1\n");
  EXPECT_THAT(LinesOf(roster), ElementsAre(2));
  EXPECT_THAT(Problems(roster),
              ElementsAre("line 3: the manager chain loops: line 3 → line 4 → line 5 → line 3",
                          "line 4: the manager chain loops: line 4 → line 5 → line 3 → line 4",
                          "line 5: the manager chain loops: line 5 → line 3 → line 4 → line 5"));
}

TEST(RosterCsvTest, ALongManagerLoopNamesItsFirstStepsOnly) {
  std::string csv = "id,role,manager\n";
  for (int i = 0; i < 10; ++i) csv += "U" + std::to_string(i) + ",none,U" + std::to_string((i + 1) % 10) + "\n";
  auto roster = Parse(csv);
  ASSERT_EQ(roster.problems.size(), 10u);
  EXPECT_EQ(roster.problems[0].reason,
            "the manager chain loops: line 2 → line 3 → line 4 → line 5 → line 6 → line 7 → … (10 people) "
            "→ line 2");
}

TEST(RosterCsvTest, ProblemsAreInLineOrder) {
  auto roster = Parse("id,role,manager\nU1,none,U2\nU2,none,U1\nU3,bad,\n,\"open\n");
  std::vector<int> lines;
  for (const auto& problem : roster.problems) lines.push_back(problem.line);
  EXPECT_THAT(lines, ElementsAre(2, 3, 4, 5));
}


}  // namespace
}  // namespace mentorbot
