#include "adapters/common/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace mentorbot {
namespace {

const std::string kEllipsis = "\xE2\x80\xA6";     // U+2026
const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD
const std::string kEAcute = "\xC3\xA9";           // U+00E9, 2 bytes
const std::string kEuro = "\xE2\x82\xAC";         // U+20AC, 3 bytes
const std::string kGrin = "\xF0\x9F\x98\x80";     // U+1F600, 4 bytes

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(CountCodePointsTest, Ascii) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("hello"), 5u);
}

TEST(CountCodePointsTest, MultiByteSequencesCountOnce) {
  EXPECT_EQ(CountCodePoints(kEAcute), 1u);
  EXPECT_EQ(CountCodePoints(kEuro), 1u);
  EXPECT_EQ(CountCodePoints(kGrin), 1u);
  EXPECT_EQ(CountCodePoints("caf" + kEAcute + " " + kEuro + kGrin), 7u);
}

TEST(CountCodePointsTest, EachInvalidByteCountsOnce) {
  EXPECT_EQ(CountCodePoints("a\xFF" "b"), 3u);
  EXPECT_EQ(CountCodePoints("\x80\x80"), 2u);
}

TEST(TruncateCodePointsTest, ShortTextIsReturnedUnchangedWithoutEllipsis) {
  EXPECT_EQ(TruncateCodePoints("hello", 10), "hello");
  EXPECT_EQ(TruncateCodePoints("", 1), "");
}

TEST(TruncateCodePointsTest, TextOfExactlyTheLimitIsNotCut) {
  EXPECT_EQ(TruncateCodePoints("hello", 5), "hello");
  EXPECT_EQ(TruncateCodePoints(Repeat(kEAcute, 5), 5), Repeat(kEAcute, 5));
}

TEST(TruncateCodePointsTest, LongAsciiIsCutAndEndsInEllipsis) {
  EXPECT_EQ(TruncateCodePoints("hello world", 5), "hell" + kEllipsis);
}

TEST(TruncateCodePointsTest, ResultHasAtMostMaxCodePoints) {
  for (std::size_t max = 1; max <= 12; ++max) {
    const std::string cut = TruncateCodePoints("abcdefghijklmnop", max);
    EXPECT_EQ(CountCodePoints(cut), max) << max;
  }
}

TEST(TruncateCodePointsTest, MaxOfOneGivesJustTheEllipsis) {
  EXPECT_EQ(TruncateCodePoints("ab", 1), kEllipsis);
}

TEST(TruncateCodePointsTest, NeverCutsATwoByteSequence) {
  const std::string text = Repeat(kEAcute, 10);
  const std::string cut = TruncateCodePoints(text, 4);
  EXPECT_EQ(cut, Repeat(kEAcute, 3) + kEllipsis);
  EXPECT_EQ(SanitizeUtf8(cut), cut);
}

TEST(TruncateCodePointsTest, NeverCutsAFourByteSequence) {
  const std::string text = Repeat(kGrin, 10);
  for (std::size_t max = 1; max <= 10; ++max) {
    const std::string cut = TruncateCodePoints(text, max);
    EXPECT_EQ(SanitizeUtf8(cut), cut) << max;
    EXPECT_LE(CountCodePoints(cut), max);
  }
  EXPECT_EQ(TruncateCodePoints(text, 3), kGrin + kGrin + kEllipsis);
}

TEST(TruncateCodePointsTest, MixedWidthsStayValid) {
  const std::string text = Repeat("a" + kEAcute + kEuro + kGrin, 20);
  for (std::size_t max = 1; max <= 81; ++max) {
    const std::string cut = TruncateCodePoints(text, max);
    EXPECT_EQ(SanitizeUtf8(cut), cut) << max;
    EXPECT_LE(CountCodePoints(cut), max) << max;
  }
}

TEST(SanitizeUtf8Test, ValidTextIsUnchanged) {
  const std::string text = "plain a" + kEAcute + kEuro + kGrin + " \xF4\x8F\xBF\xBF";  // incl. U+10FFFF
  EXPECT_EQ(SanitizeUtf8(text), text);
  EXPECT_EQ(SanitizeUtf8(""), "");
}

TEST(SanitizeUtf8Test, BoundaryCodePointsAreKept) {
  const std::string text = "\x7F" "\xC2\x80" "\xDF\xBF" "\xE0\xA0\x80" "\xED\x9F\xBF" "\xEE\x80\x80"
                           "\xEF\xBF\xBF" "\xF0\x90\x80\x80";
  EXPECT_EQ(SanitizeUtf8(text), text);
}

TEST(SanitizeUtf8Test, InvalidLeadBytesAreReplaced) {
  EXPECT_EQ(SanitizeUtf8("a\xFF" "b"), "a" + kReplacement + "b");
  EXPECT_EQ(SanitizeUtf8("\xF5\x80\x80\x80"), Repeat(kReplacement, 4));
}

TEST(SanitizeUtf8Test, StrayContinuationByteIsReplaced) {
  EXPECT_EQ(SanitizeUtf8("a\x80" "b"), "a" + kReplacement + "b");
}

TEST(SanitizeUtf8Test, OverlongEncodingsAreReplaced) {
  // "/" as 2, 3 and 4 bytes: must never decode to a slash.
  EXPECT_EQ(SanitizeUtf8("\xC0\xAF"), Repeat(kReplacement, 2));
  EXPECT_EQ(SanitizeUtf8("\xC1\xBF"), Repeat(kReplacement, 2));
  EXPECT_EQ(SanitizeUtf8("\xE0\x80\xAF"), Repeat(kReplacement, 3));
  EXPECT_EQ(SanitizeUtf8("\xF0\x80\x80\xAF"), Repeat(kReplacement, 4));
}

TEST(SanitizeUtf8Test, SurrogatesAreReplaced) {
  const std::string cleaned = SanitizeUtf8("\xED\xA0\x80");  // U+D800
  EXPECT_EQ(cleaned.find("\xED\xA0\x80"), std::string::npos);
  EXPECT_EQ(cleaned, Repeat(kReplacement, 3));
  EXPECT_EQ(SanitizeUtf8("\xED\xBF\xBF"), Repeat(kReplacement, 3));  // U+DFFF
}

TEST(SanitizeUtf8Test, CodePointsAboveMaxAreReplaced) {
  EXPECT_EQ(SanitizeUtf8("\xF4\x90\x80\x80"), Repeat(kReplacement, 4));  // U+110000
}

TEST(SanitizeUtf8Test, TruncatedSequenceKeepsTheFollowingText) {
  const std::string cleaned = SanitizeUtf8("\xE2\x82" "ok");
  EXPECT_EQ(cleaned.substr(cleaned.size() - 2), "ok");
  EXPECT_EQ(SanitizeUtf8(cleaned), cleaned);
  EXPECT_EQ(cleaned.find('\xE2'), std::string::npos);
  EXPECT_EQ(cleaned.find(kReplacement), 0u);
}

TEST(SanitizeUtf8Test, TruncatedSequenceAtEndIsReplaced) {
  const std::string cleaned = SanitizeUtf8("ok\xF0\x9F\x98");
  EXPECT_EQ(cleaned.substr(0, 2), "ok");
  EXPECT_NE(cleaned.find(kReplacement), std::string::npos);
  EXPECT_EQ(SanitizeUtf8(cleaned), cleaned);
}

TEST(SanitizeUtf8Test, OutputIsAlwaysValid) {
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
  const std::string cleaned = SanitizeUtf8(all_bytes);
  EXPECT_EQ(SanitizeUtf8(cleaned), cleaned);
  EXPECT_EQ(cleaned.substr(0, 128), all_bytes.substr(0, 128));
}

}  // namespace
}  // namespace mentorbot
