#include "bot/engine/program/mention.h"

#include <gtest/gtest.h>

namespace mentorbot {
namespace {

const UserRef kActor{Platform::kSlack, "T1", "UACTOR"};

TEST(MentionTest, SlackEscapedMentionWithAndWithoutName) {
  EXPECT_EQ(ParseMention("<@U123|sam>", kActor)->Key(), "slack:T1:U123");
  EXPECT_EQ(ParseMention("<@U123>", kActor)->Key(), "slack:T1:U123");
}

TEST(MentionTest, AtSignAndBareIdAreTakenInTheActorsWorkspace) {
  EXPECT_EQ(ParseMention("@U123", kActor)->Key(), "slack:T1:U123");
  EXPECT_EQ(ParseMention(" U123 ", kActor)->Key(), "slack:T1:U123");
}

TEST(MentionTest, FullUserKeyIsTakenAsItIs) {
  EXPECT_EQ(ParseMention("teams:tenant-1:aad-9", kActor)->Key(), "teams:tenant-1:aad-9");
}

TEST(MentionTest, RejectsEmptyAndMalformed) {
  EXPECT_FALSE(ParseMention("", kActor));
  EXPECT_FALSE(ParseMention("<@>", kActor));
  EXPECT_FALSE(ParseMention("two words", kActor));
  EXPECT_FALSE(ParseMention("slack:T1", kActor));
  EXPECT_FALSE(ParseMention("fax:T1:U1", kActor));
}

}  // namespace
}  // namespace mentorbot
