#include "bot/engine/roster/leadership_chain.h"

#include <gtest/gtest.h>

#include <map>

namespace mentorbot {
namespace {

ManagerLookup From(std::map<std::string, std::string> managers) {
  return [managers](const std::string& person) {
    auto it = managers.find(person);
    return it == managers.end() ? std::string() : it->second;
  };
}

using Chain = std::vector<std::string>;

TEST(LeadershipChainTest, DirectReportEitherWay) {
  auto lookup = From({{"analyst", "vp"}});
  EXPECT_EQ(ChainBetween("analyst", "vp", lookup), (Chain{"analyst", "vp"}));
  EXPECT_EQ(ChainBetween("vp", "analyst", lookup), (Chain{"analyst", "vp"}));
}

TEST(LeadershipChainTest, TransitiveChainIsSpelledOut) {
  auto lookup = From({{"analyst", "manager"}, {"manager", "director"}, {"director", "vp"}});
  EXPECT_EQ(ChainBetween("vp", "analyst", lookup), (Chain{"analyst", "manager", "director", "vp"}));
}

TEST(LeadershipChainTest, PeersAndDifferentBranchesAreFine) {
  auto lookup = From({{"a", "boss"}, {"b", "boss"}, {"c", "other"}, {"boss", "ceo"}, {"other", "ceo"}});
  EXPECT_FALSE(ChainBetween("a", "b", lookup));
  EXPECT_FALSE(ChainBetween("a", "c", lookup));
  EXPECT_FALSE(ChainBetween("a", "other", lookup));
  EXPECT_TRUE(ChainBetween("a", "ceo", lookup));
}

TEST(LeadershipChainTest, CyclesInBadDataTerminate) {
  auto lookup = From({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"x", "x"}});
  EXPECT_FALSE(ChainBetween("a", "outsider", lookup));
  EXPECT_FALSE(ChainBetween("x", "a", lookup));
  EXPECT_EQ(ChainBetween("a", "c", lookup), (Chain{"a", "b", "c"}));
}

TEST(LeadershipChainTest, UnknownManagersEndTheWalk) {
  EXPECT_FALSE(ChainBetween("a", "b", From({})));
  EXPECT_EQ(ChainBetween("a", "a", From({})), (Chain{"a"}));
}

}  // namespace
}  // namespace mentorbot
