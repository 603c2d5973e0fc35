#include "bot/engine/command_text.h"

#include <gtest/gtest.h>

namespace mentorbot {
namespace {

TEST(CommandTextTest, SplitsVerbAndArguments) {
  auto command = ParseCommandText("join mentee");
  EXPECT_EQ(command.verb, "join");
  EXPECT_EQ(command.args, "mentee");
}

TEST(CommandTextTest, DropsTheSlashCommandAndLowercasesOnlyTheVerb) {
  auto command = ParseCommandText("  /mentor   PROFILE  set department  Human Resources ");
  EXPECT_EQ(command.verb, "profile");
  EXPECT_EQ(command.args, "set department  Human Resources");
}

TEST(CommandTextTest, EmptyAndBlankTextHaveNoVerb) {
  EXPECT_EQ(ParseCommandText("").verb, "");
  EXPECT_EQ(ParseCommandText(" \t\n").verb, "");
  EXPECT_EQ(ParseCommandText("/mentor").verb, "");
}

TEST(CommandTextTest, KeepsNewlinesInsideArguments) {
  auto command = ParseCommandText("takeaways first line\nsecond line");
  EXPECT_EQ(command.verb, "takeaways");
  EXPECT_EQ(command.args, "first line\nsecond line");
}

TEST(CommandTextTest, SplitFirstWordTrimsBothParts) {
  auto [first, rest] = SplitFirstWord("  set   level 4  ");
  EXPECT_EQ(first, "set");
  EXPECT_EQ(rest, "level 4");
  auto [only, nothing] = SplitFirstWord("alone");
  EXPECT_EQ(only, "alone");
  EXPECT_EQ(nothing, "");
}

}  // namespace
}  // namespace mentorbot
