#include "adapters/common/hmac.h"

#include <gtest/gtest.h>

#include <string>

namespace mentorbot {
namespace {

// RFC 4231, test case 1.
TEST(HmacSha256HexTest, Rfc4231TestCase1) {
  EXPECT_EQ(HmacSha256Hex(std::string(20, '\x0b'), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

// RFC 4231, test case 2: a key shorter than the output.
TEST(HmacSha256HexTest, Rfc4231TestCase2) {
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

// RFC 4231, test case 6: a key longer than the block size is hashed first.
TEST(HmacSha256HexTest, Rfc4231TestCase6KeyLongerThanBlock) {
  EXPECT_EQ(HmacSha256Hex(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(HmacSha256HexTest, EmptyKeyAndEmptyData) {
  EXPECT_EQ(HmacSha256Hex("", ""), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(HmacSha256HexTest, EmptyKeyWithData) {
  EXPECT_EQ(HmacSha256Hex("", "data"), "e528c4d99e6177f5841f712a143b90843299a4aa181a06501422d9ca862bd2a5");
}

TEST(HmacSha256HexTest, NullKeyWithEmptyData) {
  // A default-constructed string_view is empty with a null data pointer.
  EXPECT_EQ(HmacSha256Hex(std::string_view(), ""),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(HmacSha256HexTest, NullEmptyViews) {
  // A default-constructed string_view is empty with a null data pointer.
  EXPECT_EQ(HmacSha256Hex(std::string_view(), std::string_view()),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(HmacSha256HexTest, OutputIsSixtyFourLowerCaseHexDigits) {
  const std::string hex = HmacSha256Hex("key", "The quick brown fox jumps over the lazy dog");
  EXPECT_EQ(hex, "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  ASSERT_EQ(hex.size(), 64u);
  for (char c : hex) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << c;
}

TEST(HmacSha256HexTest, EmbeddedNulBytesAreHashed) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(HmacSha256Hex("k", with_nul), HmacSha256Hex("k", "a"));
  EXPECT_NE(HmacSha256Hex(std::string("k\0x", 3), "data"), HmacSha256Hex("k", "data"));
}

TEST(ConstantTimeEqualsTest, EqualStrings) {
  EXPECT_TRUE(ConstantTimeEquals("v0=abc", "v0=abc"));
}

TEST(ConstantTimeEqualsTest, DifferentContentSameLength) {
  EXPECT_FALSE(ConstantTimeEquals("v0=abc", "v0=abd"));
  EXPECT_FALSE(ConstantTimeEquals("v0=abc", "w0=abc"));
}

TEST(ConstantTimeEqualsTest, DifferentLengthsAreNotEqual) {
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("abcd", "abc"));
}

TEST(ConstantTimeEqualsTest, EmptyStrings) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  EXPECT_FALSE(ConstantTimeEquals("a", ""));
}

TEST(ConstantTimeEqualsTest, ComparesBytesAfterEmbeddedNul) {
  EXPECT_FALSE(ConstantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
  EXPECT_TRUE(ConstantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
}

}  // namespace
}  // namespace mentorbot
