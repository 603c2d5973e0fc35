// admin export in chat through the real binary, on both platforms.
#include "tests/integration/teams_program_fixture.h"
#include "tests/support/zip_reading.h"

namespace mentorbot {
namespace {

// admin export in chat: a Slack admin gets the ZIP shared in their DM
// (external upload); a Teams admin gets a file consent card, accepts it, the
// bytes go to the upload URL Teams gives and a file card follows.
TEST_F(TeamsProgramTest, AdminsGetTheExportAsAFileOnBothPlatforms) {
  Start();
  SlackCommand("UMENTOR", "join mentor");
  EXPECT_THAT(SlackCommand("UADMIN", "admin export"), HasSubstr("direct messages"));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (slack.SharedFiles().empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto shared = slack.SharedFiles();
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0].channel, "DUADMIN") << "the admin's DM";
  EXPECT_THAT(shared[0].title, HasSubstr("mentorbot-export-"));
  EXPECT_THAT(shared[0].comment, HasSubstr("people.csv (1 row)"));
  const auto entries = ReadZip(shared[0].content);
  EXPECT_THAT(entries.at("people.csv"), HasSubstr("slack:T1:UMENTOR"));
  for (const auto& call : slack.Calls("file upload")) EXPECT_EQ(call.authorization, "") << "the upload URL is the credential";

  Send(Personal(kAdmin, "admin export"));
  const json consent = WaitFor(kAdmin.Conversation(), "card.file.consent");
  const json& card = consent["attachments"][1];
  ASSERT_EQ(card["contentType"], "application/vnd.microsoft.teams.card.file.consent");
  const std::int64_t size = card["content"]["sizeInBytes"];
  EXPECT_GT(size, 100);

  json answer = Activity("invoke", kMentor, kMentor.Conversation(), "personal");  // someone else's answer
  answer["name"] = "fileConsent/invoke";
  answer["value"] = {{"type", "fileUpload"}, {"action", "accept"}, {"context", card["content"]["acceptContext"]},
                     {"uploadInfo", {{"name", card["name"]}, {"uploadUrl", framework.UploadUrl("stolen")},
                                     {"contentUrl", "https://contoso.sharepoint.com/x.zip"}, {"uniqueId", "u-0"},
                                     {"fileType", "zip"}}}};
  Send(answer);
  WaitFor(kMentor.Conversation(), "no longer available");
  answer["from"] = {{"id", kAdmin.id}, {"name", kAdmin.name}, {"aadObjectId", kAdmin.aad}};
  answer["conversation"]["id"] = kAdmin.Conversation();
  answer["id"] = "consent-2";
  answer["value"]["uploadInfo"]["uploadUrl"] = framework.UploadUrl("admin1");
  answer["value"]["uploadInfo"]["uniqueId"] = "u-1";
  Send(answer);
  const json file_card = WaitFor(kAdmin.Conversation(), "card.file.info");
  EXPECT_EQ(file_card["attachments"][1]["contentUrl"], "https://contoso.sharepoint.com/x.zip");
  EXPECT_EQ(file_card["attachments"][1]["content"]["uniqueId"], "u-1");
  EXPECT_FALSE(framework.Uploaded("stolen")) << "only the admin it was made for receives it";
  const auto uploaded = framework.Uploaded("admin1");
  ASSERT_TRUE(uploaded);
  EXPECT_EQ(static_cast<std::int64_t>(uploaded->size()), size);
  EXPECT_THAT(ReadZip(*uploaded).at("people.csv"), HasSubstr("slack:T1:UMENTOR"));

  answer["id"] = "consent-3";  // the same card answered again: the file is gone
  Send(answer);
  WaitFor(kAdmin.Conversation(), "no longer available");
}

}  // namespace
}  // namespace mentorbot
