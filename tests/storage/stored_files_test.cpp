// Files the bot hands over (exports): their bytes in stored_files, and the
// FileRef a queued message carries, through the outbox's message codec.
#include <gtest/gtest.h>

#include "bot/core/message_codec.h"
#include "storage/sqlite_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"

namespace mentorbot {
namespace {

TEST(MessageCodecTest, RoundTripsFilesAndReadsRowsWrittenBeforeThem) {
  Message message;
  message.summary = "export";
  message.files.push_back(FileRef{7, "export.zip", "application/zip", 1234, "https://x.sharepoint.com/f", "u-1"});
  auto decoded = DecodeMessage(EncodeMessage(message));
  ASSERT_TRUE(decoded);
  ASSERT_EQ(decoded->files.size(), 1u);
  EXPECT_EQ(decoded->files[0].id, 7);
  EXPECT_EQ(decoded->files[0].size, 1234);
  EXPECT_EQ(decoded->files[0].content_url, "https://x.sharepoint.com/f");
  EXPECT_EQ(EncodeMessage(*decoded), EncodeMessage(message));
  // Version 3 (no files), as queued by the previous release.
  auto old = DecodeMessage("19:mentorbot-message-35:hello1:0");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->summary, "hello");
  EXPECT_TRUE(old->files.empty());
}

TEST(StoredFilesTest, KeepsBinaryContentUntilErasedOrExpired) {
  TempDir dir;
  auto store = SqliteStore::Open(dir.File("files.db"), SqliteStore::Options{2, 200});
  ASSERT_TRUE(store.ok());
  const std::string zip_like("PK\x03\x04\0\0binary\xff", 13);
  std::int64_t old_id = 0, new_id = 0;
  ASSERT_TRUE((*store)->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    old_id = tx.files().Save(StoredFile{0, "slack:T1:UA", "a.zip", "application/zip", zip_like, TestEpoch(),
                                        TestEpoch() + std::chrono::hours(1)});
    new_id = tx.files().Save(StoredFile{0, "slack:T1:UA", "b.ics", "text/calendar", "b", TestEpoch(),
                                        TestEpoch() + std::chrono::hours(3)});
  }).ok());
  ASSERT_TRUE((*store)->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    auto file = tx.files().Find(old_id);
    ASSERT_TRUE(file);
    EXPECT_EQ(file->content, zip_like) << "every byte, the NULs too";
    EXPECT_EQ(file->owner_key, "slack:T1:UA");
    EXPECT_EQ(file->expires_at, TestEpoch() + std::chrono::hours(1));
    EXPECT_EQ(tx.files().EraseExpired(TestEpoch() + std::chrono::minutes(59)), 0);
    EXPECT_EQ(tx.files().EraseExpired(TestEpoch() + std::chrono::hours(1)), 1) << "each file by its own expiry";
    EXPECT_FALSE(tx.files().Find(old_id));
    EXPECT_TRUE(tx.files().Erase(new_id));
    EXPECT_FALSE(tx.files().Erase(new_id));
  }).ok());
}

}  // namespace
}  // namespace mentorbot
