#include "bot/engine/reporting/csv_writer.h"

#include <gtest/gtest.h>

namespace mentorbot {
namespace {

TEST(CsvWriterTest, QuotesOnlyWhatNeedsItAndDefusesFormulas) {
  EXPECT_EQ(CsvRow({"a", "b c", ""}), "a,b c,\r\n");
  EXPECT_EQ(CsvRow({"x,y", "say \"hi\"", "two\nlines"}), "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
  EXPECT_EQ(CsvRow({"=HYPERLINK(\"x\")", "@SUM", "plain"}), "\"'=HYPERLINK(\"\"x\"\")\",\"'@SUM\",plain\r\n");
}

}  // namespace
}  // namespace mentorbot
