// Sessions in both people's calendars through the real binary: the
// iCalendar invitation reaches each person's DM as a file on Slack (external
// upload) and on Teams (file consent, then upload), with the emails Slack's
// users.info gave; a cancellation follows with the same UID.
#include "tests/integration/teams_program_fixture.h"
#include "tests/support/ics_reading.h"
#include "tests/support/slack_pair.h"

namespace mentorbot {
namespace {

std::vector<FakeSlackServer::SharedFile> WaitForShared(const FakeSlackServer& slack, std::size_t count) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (slack.SharedFiles().size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return slack.SharedFiles();
}

TEST_F(TeamsProgramTest, SlackPeopleGetTheInvitationAndTheCancellationInTheirDms) {
  SlackPair pair(slack, kSlackSecret, SlackPerson{"UMENTEE", "Morgan", "Europe/Berlin", "Morgan@Example.com"},
                 SlackPerson{"UMENTOR", "Riley", "Africa/Lagos", "riley@example.com"});
  pair.SetProfiles();
  Start();
  pair.Attach(bot->port());
  ASSERT_TRUE(pair.EnrollAndPair());  // with the emails users.info gave
  SlackCommand("UMENTEE", "schedule tomorrow 15:00");
  SlackCommand("UMENTOR", "confirm");

  const auto booked = WaitForShared(slack, 2);
  ASSERT_EQ(booked.size(), 2u);
  std::set<std::string> channels;
  for (const auto& file : booked) {
    channels.insert(file.channel);
    EXPECT_THAT(file.title, HasSubstr(".ics"));
    EXPECT_THAT(file.comment, HasSubstr("add it to your calendar"));
    const IcsObject ics = ReadIcs(file.content);
    EXPECT_TRUE(ics.problems.empty()) << file.content;
    EXPECT_EQ(ics.Text("METHOD"), "REQUEST");
    EXPECT_EQ(ics.Text("SEQUENCE"), "0");
    EXPECT_EQ(ics.Find("ORGANIZER") ? ics.Find("ORGANIZER")->value : "", "mailto:morgan@example.com");
    EXPECT_EQ(ics.All("ATTENDEE").size(), 2u);
    EXPECT_EQ(ics.Text("SUMMARY"), "Reverse mentoring: name-of-UMENTOR & name-of-UMENTEE") << "the names Slack gave with the commands";
  }
  EXPECT_EQ(channels, (std::set<std::string>{"DUMENTEE", "DUMENTOR"}));
  const std::string uid = ReadIcs(booked[0].content).Text("UID");
  EXPECT_EQ(ReadIcs(booked[1].content).Text("UID"), uid);

  SlackCommand("UMENTEE", "cancel");
  const auto all = WaitForShared(slack, 4);
  ASSERT_EQ(all.size(), 4u);
  for (std::size_t i = 2; i < 4; ++i) {
    const IcsObject ics = ReadIcs(all[i].content);
    EXPECT_EQ(ics.Text("METHOD"), "CANCEL");
    EXPECT_EQ(ics.Text("STATUS"), "CANCELLED");
    EXPECT_EQ(ics.Text("UID"), uid);
    EXPECT_EQ(ics.Text("SEQUENCE"), "1");
  }
  for (const auto& call : slack.Calls("file upload")) EXPECT_EQ(call.authorization, "") << "the upload URL is the credential";
}

TEST_F(TeamsProgramTest, TeamsPeopleAcceptTheInvitationFileAndGetIt) {
  // The mentor's email comes from the connector's member lookup, the mentee's from `profile set`.
  framework.SetMember(kMentor.id, {{"id", kMentor.id}, {"aadObjectId", kMentor.aad}, {"email", "riley@example.com"}});
  Start();
  Send(Personal(kMentor, "join mentor"));
  Send(Personal(kMentor, "profile set manager none"));
  bool synced = false;
  for (int attempt = 0; attempt < 100 && !synced; ++attempt) {
    Send(Personal(kMentor, "profile"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    for (const auto& sent : SentTo(kMentor.Conversation())) synced = synced || sent.find("riley@example.com") != std::string::npos;
  }
  ASSERT_TRUE(synced) << "the directory sync brought the mentor's email";
  Send(Personal(kMentee, "join mentee"));
  Send(Personal(kMentee, std::string("profile set manager teams:") + kTenant + ":aad-boss"));
  Send(Personal(kMentee, "profile set email morgan@example.com"));
  WaitFor(kMentee.Conversation(), "morgan@example.com");
  Send(Personal(kAdmin, std::string("admin pair teams:") + kTenant + ":aad-mentor teams:" + kTenant + ":aad-mentee"));
  WaitFor(kMentee.Conversation(), "ground rules");
  Send(Personal(kMentee, "schedule tomorrow 15:00"));
  WaitFor(kMentor.Conversation(), "Confirm");
  Send(Personal(kMentor, "confirm"));

  WaitFor(kMentor.Conversation(), ".ics");
  const json consent = WaitFor(kMentee.Conversation(), "card.file.consent");
  const json& card = consent["attachments"][1];
  ASSERT_EQ(card["contentType"], "application/vnd.microsoft.teams.card.file.consent");
  EXPECT_THAT(card["name"].get<std::string>(), HasSubstr(".ics"));
  json answer = Activity("invoke", kMentee, kMentee.Conversation(), "personal");
  answer["name"] = "fileConsent/invoke";
  answer["value"] = {{"type", "fileUpload"}, {"action", "accept"}, {"context", card["content"]["acceptContext"]},
                     {"uploadInfo", {{"name", card["name"]}, {"uploadUrl", framework.UploadUrl("menteeics")},
                                     {"contentUrl", "https://contoso.sharepoint.com/s.ics"}, {"uniqueId", "u-ics"},
                                     {"fileType", "ics"}}}};
  Send(answer);
  WaitFor(kMentee.Conversation(), "card.file.info");
  const auto uploaded = framework.Uploaded("menteeics");
  ASSERT_TRUE(uploaded);
  const IcsObject ics = ReadIcs(*uploaded);
  EXPECT_TRUE(ics.problems.empty());
  EXPECT_EQ(ics.Text("METHOD"), "REQUEST");
  EXPECT_EQ(ics.Find("ORGANIZER") ? ics.Find("ORGANIZER")->value : "", "mailto:morgan@example.com");
  EXPECT_EQ(ics.Text("SUMMARY"), "Reverse mentoring: Riley Mentor & Morgan Mentee");
  ASSERT_EQ(ics.All("ATTENDEE").size(), 2u);
  EXPECT_EQ(ics.All("ATTENDEE")[0]->value, "mailto:riley@example.com");
}

}  // namespace
}  // namespace mentorbot
