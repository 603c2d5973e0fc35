#include "adapters/common/form_decoding.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(PercentDecodeTest, PlainTextIsUnchanged) {
  EXPECT_EQ(PercentDecode("hello"), "hello");
}

TEST(PercentDecodeTest, PlusIsASpace) {
  EXPECT_EQ(PercentDecode("x+y+z"), "x y z");
}

TEST(PercentDecodeTest, EncodedPlusIsALiteralPlus) {
  EXPECT_EQ(PercentDecode("1%2B1"), "1+1");
}

TEST(PercentDecodeTest, EscapesDecodeInEitherCase) {
  EXPECT_EQ(PercentDecode("%2f%2F%21"), "//!");
}

TEST(PercentDecodeTest, Utf8BytesAreDecodedByteByByte) {
  EXPECT_EQ(PercentDecode("caf%C3%A9"), "caf\xC3\xA9");
  EXPECT_EQ(PercentDecode("%F0%9F%98%80"), "\xF0\x9F\x98\x80");
}

TEST(PercentDecodeTest, EmptyInputDecodesToEmpty) {
  EXPECT_EQ(PercentDecode(""), "");
}

TEST(PercentDecodeTest, LonePercentIsMalformed) {
  EXPECT_EQ(PercentDecode("%"), std::nullopt);
  EXPECT_EQ(PercentDecode("50%"), std::nullopt);
}

TEST(PercentDecodeTest, PercentWithOneHexDigitIsMalformed) {
  EXPECT_EQ(PercentDecode("%4"), std::nullopt);
}

TEST(PercentDecodeTest, PercentWithNonHexDigitsIsMalformed) {
  EXPECT_EQ(PercentDecode("%zz"), std::nullopt);
  EXPECT_EQ(PercentDecode("%G1"), std::nullopt);
  EXPECT_EQ(PercentDecode("%1G"), std::nullopt);
}

TEST(DecodeFormTest, DecodesNamesAndValues) {
  auto form = DecodeForm("a=1&b=x+y%21");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->size(), 2u);
  EXPECT_EQ(form->Get("a"), "1");
  EXPECT_EQ(form->Get("b"), "x y!");
}

TEST(DecodeFormTest, NamesArePercentDecodedToo) {
  auto form = DecodeForm("first+name=Ada&x%5By%5D=1");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->Get("first name"), "Ada");
  EXPECT_EQ(form->Get("x[y]"), "1");
}

TEST(DecodeFormTest, EncodedPlusInAValueStaysAPlus) {
  auto form = DecodeForm("text=1%2B1+%3D+2");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->Get("text"), "1+1 = 2");
}

TEST(DecodeFormTest, Utf8ValueIsDecoded) {
  auto form = DecodeForm("user_name=Ren%C3%A9e");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->Get("user_name"), "Ren\xC3\xA9" "e");
}

TEST(DecodeFormTest, RepeatedFieldGetReturnsFirstAndGetAllReturnsAllInOrder) {
  auto form = DecodeForm("tag=a&other=x&tag=b&tag=c");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->Get("tag"), "a");
  EXPECT_THAT(form->GetAll("tag"), ElementsAre("a", "b", "c"));
  EXPECT_EQ(form->size(), 4u);
}

TEST(DecodeFormTest, EmptyPairsAreSkipped) {
  auto form = DecodeForm("a=1&&b=2&");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->size(), 2u);
  EXPECT_EQ(form->Get("a"), "1");
  EXPECT_EQ(form->Get("b"), "2");
}

TEST(DecodeFormTest, LeadingAmpersandIsSkipped) {
  auto form = DecodeForm("&a=1");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->size(), 1u);
  EXPECT_EQ(form->Get("a"), "1");
}

TEST(DecodeFormTest, NameWithEqualsAndNoValueHasEmptyValue) {
  auto form = DecodeForm("a=");
  ASSERT_TRUE(form);
  EXPECT_TRUE(form->Has("a"));
  EXPECT_EQ(form->Get("a"), "");
  EXPECT_EQ(form->size(), 1u);
}

TEST(DecodeFormTest, NameWithoutEqualsHasEmptyValue) {
  auto form = DecodeForm("a");
  ASSERT_TRUE(form);
  EXPECT_TRUE(form->Has("a"));
  EXPECT_EQ(form->Get("a"), "");
}

TEST(DecodeFormTest, OnlyTheFirstEqualsSplitsNameFromValue) {
  auto form = DecodeForm("expr=a=b");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->Get("expr"), "a=b");
}

TEST(DecodeFormTest, EmptyBodyHasNoFields) {
  auto form = DecodeForm("");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->size(), 0u);
}

TEST(DecodeFormTest, AbsentFieldIsEmptyAndNotPresent) {
  auto form = DecodeForm("a=1");
  ASSERT_TRUE(form);
  EXPECT_FALSE(form->Has("b"));
  EXPECT_EQ(form->Get("b"), "");
  EXPECT_THAT(form->GetAll("b"), IsEmpty());
}

TEST(DecodeFormTest, FieldNamesAreCaseSensitive) {
  auto form = DecodeForm("Text=1");
  ASSERT_TRUE(form);
  EXPECT_FALSE(form->Has("text"));
}

TEST(DecodeFormTest, MalformedEscapeInValueFailsTheWholeForm) {
  EXPECT_EQ(DecodeForm("a=1&b=%zz"), std::nullopt);
  EXPECT_EQ(DecodeForm("a=%"), std::nullopt);
  EXPECT_EQ(DecodeForm("a=%4"), std::nullopt);
  EXPECT_EQ(DecodeForm("a=%G1&b=2"), std::nullopt);
}

TEST(DecodeFormTest, MalformedEscapeInNameFailsTheWholeForm) {
  EXPECT_EQ(DecodeForm("%zz=1"), std::nullopt);
}

TEST(DecodeFormTest, EscapeSplitByAmpersandIsMalformed) {
  // "%4&1" must not borrow the '&' or the next pair's bytes.
  EXPECT_EQ(DecodeForm("a=%4&1=b"), std::nullopt);
}

}  // namespace
}  // namespace mentorbot
