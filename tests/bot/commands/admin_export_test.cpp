// admin export: the program's CSV files in one ZIP, stored for the admin who
// asked and queued to their direct messages; never a pair's private text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/bot/program_fixture.h"
#include "tests/support/zip_reading.h"

namespace mentorbot {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class AdminExportTest : public ProgramTest {
 protected:
  std::optional<StoredFile> Stored(std::int64_t id) {
    std::optional<StoredFile> file;
    EXPECT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { file = tx.files().Find(id); }).ok());
    return file;
  }
};

TEST_F(AdminExportTest, SendsTheCsvFilesAsOneZipToTheAdminOnly) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  bot.Say(mentee, "agenda Private agenda words");
  bot.Say(mentee, "met");
  bot.Say(mentee, "takeaways Private takeaway words");
  bot.Say(mentee, "feedback 5 Private comment words");

  const std::string reply = bot.Say(admin, "admin export");
  EXPECT_THAT(reply, AllOf(HasSubstr("direct messages"), HasSubstr("people.csv (2 rows)"), HasSubstr("sessions.csv (2 rows)")));

  std::vector<OutboundMessage> to_admin;
  for (const auto& message : Queued()) {
    if (!message.message.files.empty()) to_admin.push_back(message);
  }
  ASSERT_EQ(to_admin.size(), 1u);
  const OutboundMessage& sent = to_admin[0];
  EXPECT_EQ(sent.to.user, admin);
  EXPECT_TRUE(sent.to.conversation_id.empty()) << "the admin's direct messages, never a channel";
  ASSERT_EQ(sent.message.files.size(), 1u);
  const FileRef& ref = sent.message.files[0];
  EXPECT_THAT(ref.name, AllOf(HasSubstr("mentorbot-export-"), HasSubstr(".zip")));

  const auto file = Stored(ref.id);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->owner_key, admin.Key());
  EXPECT_EQ(static_cast<std::int64_t>(file->content.size()), ref.size);
  const auto entries = ReadZip(file->content);
  std::vector<std::string> names;
  for (const auto& [name, content] : entries) {
    names.push_back(name);
    EXPECT_THAT(content, AllOf(Not(HasSubstr("Private")), Not(HasSubstr("words")))) << name;
  }
  EXPECT_THAT(names, ElementsAre("feedback.csv", "pairs.csv", "people.csv", "pulse.csv", "sessions.csv"));
  EXPECT_THAT(entries.at("people.csv"), HasSubstr("slack:T1:UMENTEE"));
  EXPECT_THAT(entries.at("feedback.csv"), HasSubstr(",5,"));
}

TEST_F(AdminExportTest, IsForAdminsOnlyAndTakesNoArguments) {
  EXPECT_THAT(bot.Say(mentee, "admin export"), HasSubstr("Only the program's admins"));
  EXPECT_THAT(bot.Say(admin, "admin export everything"), HasSubstr("takes nothing after it"));
  for (const auto& message : Queued()) EXPECT_TRUE(message.message.files.empty());
}

TEST_F(AdminExportTest, FilesOlderThanADayAreErasedByTheNextExport) {
  bot.Say(admin, "admin export");
  bot.clock().Advance(std::chrono::hours(25));
  bot.Say(admin, "admin export");
  std::vector<std::int64_t> ids;
  for (const auto& message : Queued()) {
    for (const auto& file : message.message.files) ids.push_back(file.id);
  }
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_FALSE(Stored(ids[0])) << "a day old: erased";
  EXPECT_TRUE(Stored(ids[1]));
}

}  // namespace
}  // namespace mentorbot
