// ScorePair: one pair's points and reasons, exactly as Match scores them
// (bot/engine/match_scoring.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bot/engine/matching/matcher.h"

namespace mentorbot {
namespace {

using ::testing::ElementsAre;

std::chrono::sys_seconds Utc(int y, unsigned m, unsigned d, int h) {
  return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d)) +
         std::chrono::hours(h);
}

const TimePoint kWinter = Utc(2026, 1, 15, 12);

MatchCandidate Person(std::string id, int capacity = 1) {
  MatchCandidate person;
  person.id = std::move(id);
  person.capacity = capacity;
  return person;
}

MatchCandidate InZone(std::string id, std::string zone) {
  MatchCandidate person = Person(std::move(id));
  person.time_zone = std::move(zone);
  return person;
}

class ScorePairTest : public ::testing::Test {
 protected:
  ScorePairTest() { input.at = kWinter; }
  PairScore Score(const MatchCandidate& mentor, const MatchCandidate& mentee) {
    return ScorePair(input, mentor, mentee);
  }
  MatchInput input;
};

TEST_F(ScorePairTest, SharedWorkingHoursFollowTheZoneOffsets) {
  // January: Berlin +1, Paris +1, New York -5, Tokyo +9, Los Angeles -8, Kolkata +5:30, Auckland +13.
  auto berlin = InZone("b", "Europe/Berlin");
  auto ny = Score(berlin, InZone("n", "America/New_York"));
  EXPECT_EQ(ny.score, 1);  // 2 h: half of 2 points
  EXPECT_THAT(ny.reasons, ElementsAre("2 h of shared working hours"));
  auto paris = Score(berlin, InZone("p", "Europe/Paris"));
  EXPECT_EQ(paris.score, 2);
  EXPECT_THAT(paris.reasons, ElementsAre("8 h of shared working hours"));
  // Round the clock: Tokyo's morning is Los Angeles' afternoon of the day before.
  auto pacific = Score(InZone("t", "Asia/Tokyo"), InZone("l", "America/Los_Angeles"));
  EXPECT_EQ(pacific.score, 1);
  EXPECT_THAT(pacific.reasons, ElementsAre("1 h of shared working hours"));
  auto far = Score(berlin, InZone("a", "Pacific/Auckland"));  // +1 and +13: 12 h apart
  EXPECT_EQ(far.score, 0);
  EXPECT_THAT(far.reasons, ElementsAre("no shared working hours"));
  auto kolkata = Score(berlin, InZone("k", "Asia/Kolkata"));
  EXPECT_EQ(kolkata.score, 1);
  EXPECT_THAT(kolkata.reasons, ElementsAre("3.5 h of shared working hours"));
}

TEST_F(ScorePairTest, OffsetsAreTakenAtTheGivenMoment) {
  // 2026-03-20: New York is already on summer time (-4), Berlin not yet (+1): 3 h.
  input.at = Utc(2026, 3, 20, 12);
  EXPECT_THAT(Score(InZone("b", "Europe/Berlin"), InZone("n", "America/New_York")).reasons,
              ElementsAre("3 h of shared working hours"));
}

TEST_F(ScorePairTest, EmptyAndUnknownZonesCountAsTheDefault) {
  input.default_time_zone = "Asia/Tokyo";
  const auto la = InZone("l", "America/Los_Angeles");
  EXPECT_EQ(Score(la, InZone("x", "")).score, 1);  // Tokyo: 1 h
  EXPECT_EQ(Score(la, InZone("x", "Mars/Olympus_Mons")).score, 1);
  EXPECT_EQ(Score(InZone("t", "asia/tokyo"), InZone("x", "")).score, 2);  // names are case-insensitive
  input.default_time_zone = "Not/AZone";  // falls back to UTC
  EXPECT_THAT(Score(InZone("u", "UTC"), InZone("x", "")).reasons, ElementsAre("8 h of shared working hours"));
}

TEST_F(ScorePairTest, DepartmentsAndLocationsCompareTrimmedAndCaseInsensitively) {
  auto mentor = InZone("m", "UTC");
  auto mentee = InZone("e", "UTC");
  mentor.department = "Finance";
  mentee.department = " Engineering ";
  mentor.location = "Berlin";
  mentee.location = "Lagos";
  auto different = Score(mentor, mentee);
  EXPECT_EQ(different.score, 3 + 2 + 2);
  EXPECT_THAT(different.reasons, ElementsAre("different departments (Finance / Engineering)",
                                             "different locations (Berlin / Lagos)", "8 h of shared working hours"));
  mentee.department = "  finance";
  mentee.location = "BERLIN";
  EXPECT_EQ(Score(mentor, mentee).score, 2);
  mentee.department.clear();  // no data on one side: no points either way
  mentee.location = "Lagos";
  mentor.location = " ";
  EXPECT_EQ(Score(mentor, mentee).score, 2);
}

TEST_F(ScorePairTest, LevelGapMustFallInsideTheRange) {
  auto mentor = InZone("m", "UTC");
  auto mentee = InZone("e", "UTC");
  input.weights.time_zone = 0;
  mentor.level = 3;
  for (auto [level, points] : std::vector<std::pair<int, int>>{{4, 0}, {5, 2}, {7, 2}, {11, 2}, {12, 0}, {1, 0}}) {
    mentee.level = level;
    EXPECT_EQ(Score(mentor, mentee).score, points) << "mentee level " << level;
  }
  mentee.level = 7;
  EXPECT_THAT(Score(mentor, mentee).reasons, ElementsAre("level gap 4", "8 h of shared working hours"));
  mentor.level.reset();
  EXPECT_EQ(Score(mentor, mentee).score, 0);
}

TEST_F(ScorePairTest, BackgroundsCountWhenTheirWordsDifferAndAreNeverQuoted) {
  auto mentor = InZone("m", "UTC");
  auto mentee = InZone("e", "UTC");
  input.weights.time_zone = 0;
  mentor.background = "Zebrafish genomics research";
  mentee.background = "supply chain logistics";
  auto different = Score(mentor, mentee);
  EXPECT_EQ(different.score, 2);
  EXPECT_THAT(different.reasons, ElementsAre("different backgrounds", "8 h of shared working hours"));
  mentee.background = "research on zebrafish GENOMICS, at a lab";  // 3 of 5 words shared
  EXPECT_EQ(Score(mentor, mentee).score, 0);
  mentee.background = "";
  EXPECT_EQ(Score(mentor, mentee).score, 0);
  mentee.background = "zebrafish and a lot of other things";  // 1 of 7 words shared
  EXPECT_EQ(Score(mentor, mentee).score, 2);
}

TEST_F(ScorePairTest, ForbiddenPairsSayWhy) {
  input.managers = {{"analyst", "manager"}, {"manager", "director"}};
  input.already_met = {{"x", "analyst"}};
  input.do_not_pair = {{"analyst", "y"}};
  const auto analyst = Person("analyst");
  EXPECT_EQ(Score(analyst, Person("director")).forbidden_why, "in one leadership chain");
  EXPECT_FALSE(Score(analyst, Person("director")).score);
  EXPECT_EQ(Score(analyst, Person("x")).forbidden_why, "met before");
  EXPECT_EQ(Score(analyst, Person("y")).forbidden_why, "marked do-not-pair");
  EXPECT_EQ(Score(analyst, Person("analyst")).forbidden_why, "the same person");
  EXPECT_TRUE(Score(analyst, Person("z")).score);
}

}  // namespace
}  // namespace mentorbot
