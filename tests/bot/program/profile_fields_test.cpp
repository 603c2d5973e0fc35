#include "bot/engine/program/profile_fields.h"

#include <gtest/gtest.h>

namespace mentorbot {
namespace {

Person NewPerson() {
  Person person;
  person.ref = UserRef{Platform::kSlack, "T1", "U1"};
  person.display_name = "Sam";
  return person;
}

TEST(ProfileFieldsTest, FieldNamesAndAliases) {
  EXPECT_EQ(ParseProfileField("department"), ProfileField::kDepartment);
  EXPECT_EQ(ParseProfileField("Dept"), ProfileField::kDepartment);
  EXPECT_EQ(ParseProfileField("tz"), ProfileField::kTimeZone);
  EXPECT_EQ(ParseProfileField("timezone"), ProfileField::kTimeZone);
  EXPECT_FALSE(ParseProfileField("salary"));
}

TEST(ProfileFieldsTest, LevelAcceptsNumbersAndLPrefixInRange) {
  Person person = NewPerson();
  ASSERT_TRUE(SetProfileField(person, ProfileField::kLevel, "L7").ok());
  EXPECT_EQ(person.profile.level, 7);
  ASSERT_TRUE(SetProfileField(person, ProfileField::kLevel, "12").ok());
  EXPECT_EQ(person.profile.level, 12);
  for (const char* bad : {"0", "100", "-1", "seven", "7.5", "L", "4x"}) {
    Person unchanged = NewPerson();
    Status status = SetProfileField(unchanged, ProfileField::kLevel, bad);
    EXPECT_FALSE(status.ok()) << bad;
    EXPECT_FALSE(unchanged.profile.level) << bad;
  }
  EXPECT_FALSE(SetProfileField(person, ProfileField::kLevel, "0").ok());
  EXPECT_EQ(person.profile.level, 12) << "a rejected value leaves the old one";
}

TEST(ProfileFieldsTest, TimeZoneIsCanonicalisedFromTheTzDatabase) {
  Person person = NewPerson();
  ASSERT_TRUE(SetProfileField(person, ProfileField::kTimeZone, "europe/berlin").ok());
  EXPECT_EQ(person.profile.time_zone, "Europe/Berlin");
  Status bad = SetProfileField(person, ProfileField::kTimeZone, "Mars/Olympus");
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("IANA"), std::string::npos);
  EXPECT_EQ(person.profile.time_zone, "Europe/Berlin");
}

TEST(ProfileFieldsTest, ManagerIsAMentionNeverOneself) {
  Person person = NewPerson();
  ASSERT_TRUE(SetProfileField(person, ProfileField::kManager, "<@U9|boss>").ok());
  EXPECT_EQ(person.profile.manager, "slack:T1:U9");
  EXPECT_FALSE(SetProfileField(person, ProfileField::kManager, "<@U1>").ok());
  ASSERT_TRUE(SetProfileField(person, ProfileField::kManager, "None").ok());
  EXPECT_EQ(person.profile.manager, kNoManager);
}

TEST(ProfileFieldsTest, TextFieldsHaveLengthLimitsAndValuesAreRequired) {
  Person person = NewPerson();
  EXPECT_FALSE(SetProfileField(person, ProfileField::kDepartment, std::string(201, 'x')).ok());
  EXPECT_TRUE(SetProfileField(person, ProfileField::kDepartment, std::string(200, 'x')).ok());
  EXPECT_FALSE(SetProfileField(person, ProfileField::kLocation, "   ").ok());
}

TEST(ProfileFieldsTest, MissingMatchingFieldsInOrderAndClearing) {
  Person person = NewPerson();
  EXPECT_EQ(MissingMatchingFields(person).size(), 4u);
  ASSERT_TRUE(SetProfileField(person, ProfileField::kDepartment, "Finance").ok());
  ASSERT_TRUE(SetProfileField(person, ProfileField::kLevel, "3").ok());
  ASSERT_TRUE(SetProfileField(person, ProfileField::kManager, "none").ok());
  ASSERT_TRUE(SetProfileField(person, ProfileField::kTimeZone, "UTC").ok());
  EXPECT_TRUE(MissingMatchingFields(person).empty());
  ASSERT_TRUE(ClearProfileField(person, ProfileField::kLevel).ok());
  ASSERT_EQ(MissingMatchingFields(person).size(), 1u);
  EXPECT_EQ(MissingMatchingFields(person)[0], ProfileField::kLevel);
  EXPECT_FALSE(ClearProfileField(person, ProfileField::kName).ok());
}

TEST(ProfileFieldsTest, EmailIsAnAddressStoredInLowerCase) {
  Person person = NewPerson();
  ASSERT_TRUE(SetProfileField(person, ProfileField::kEmail, "  Sam.Lee@Example.COM ").ok());
  EXPECT_EQ(person.profile.email, "sam.lee@example.com");
  for (const char* bad : {"sam", "sam@", "@example.com", "sam@example", "sam lee@example.com", "sam@exa;mple.com",
                          "mailto:sam@example.com"}) {
    Person unchanged = person;
    EXPECT_FALSE(SetProfileField(unchanged, ProfileField::kEmail, bad).ok()) << bad;
    EXPECT_EQ(unchanged.profile.email, "sam.lee@example.com") << bad;
  }
  EXPECT_EQ(ParseProfileField("Email"), ProfileField::kEmail);
  ASSERT_TRUE(ClearProfileField(person, ProfileField::kEmail).ok());
  EXPECT_EQ(person.profile.email, "");
}

}  // namespace
}  // namespace mentorbot
