// CsvReader: records, quoting, line endings and the line numbers of errors.
#include "bot/engine/roster/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string_view>
#include <vector>

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<CsvRecord> ReadAll(std::string_view text, std::optional<CsvError>* error = nullptr) {
  CsvReader reader(text);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.Next(record)) records.push_back(record);
  if (error) *error = reader.error();
  return records;
}

TEST(CsvReaderTest, AQuotedFieldMayHoldCommasQuotesAndLineBreaks) {
  auto records = ReadAll("a,\"b, \"\"c\"\"\nd\",e\r\nf\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 1);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b, \"c\"\nd", "e"));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_THAT(records[1].fields, ElementsAre("f"));
}

TEST(CsvReaderTest, CrLfLfAndALoneCrEndRecordsAndTheLastNeedsNoLineBreak) {
  auto records = ReadAll("a\r\nb\nc\rd,");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2].line, 3);
  EXPECT_EQ(records[3].line, 4);
  EXPECT_THAT(records[3].fields, ElementsAre("d", ""));
}

TEST(CsvReaderTest, ALineBreakInsideAQuotedFieldCountsAsALineInEveryStyle) {
  auto records = ReadAll("\"a\rb\r\nc\nd\",x\ny\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].fields, ElementsAre("a\rb\r\nc\nd", "x"));
  EXPECT_EQ(records[1].line, 5);  // 1 + CR + CRLF + LF
}

TEST(CsvReaderTest, AByteOrderMarkIsSkippedAndABlankLineIsOneEmptyField) {
  auto records = ReadAll("\xEF\xBB\xBFid\n\nx\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[0].fields, ElementsAre("id"));
  EXPECT_THAT(records[1].fields, ElementsAre(""));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReaderTest, AnUnterminatedQuoteStopsReadingWithTheLineItOpenedOn) {
  std::optional<CsvError> error;
  auto records = ReadAll("a\nb,\"open\nstill open\n", &error);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->line, 2);
  EXPECT_THAT(error->reason, HasSubstr("never closed"));
}


}  // namespace
}  // namespace mentorbot
