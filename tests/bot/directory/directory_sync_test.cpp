// DirectorySync with a scripted directory: the schedule (full at start,
// incremental hourly, full daily), a failed read changes nothing, an
// expired delta reads in full, an admin's request gets the summary, and a
// Slack pair is checked against the Graph org chart joined by email.
#include "bot/engine/directory/directory_sync.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;

class ScriptedSource : public DirectorySource {
 public:
  explicit ScriptedSource(std::string source = "slack", Platform platform = Platform::kSlack, std::string workspace = "T1")
      : source_(std::move(source)), platform_(platform), workspace_(std::move(workspace)) {}
  std::string name() const override { return source_; }
  StatusOr<DirectoryRead> Read(const DirectoryRequest& request, const DirectoryProgress&) override {
    requests.push_back(request);
    if (!failure.ok()) return failure;
    if (!request.full && expired) return Status::InvalidArgument("delta expired");
    DirectoryRead read;
    read.platform = platform_;
    read.workspace = workspace_;
    read.full = request.full;
    read.next_delta = "delta-" + std::to_string(requests.size());
    if (request.full) read.people = people;
    return read;
  }
  std::vector<DirectoryEntry> people;
  Status failure;
  bool expired = false;
  std::vector<DirectoryRequest> requests;

 private:
  std::string source_;
  Platform platform_;
  std::string workspace_;
};

DirectoryEntry Entry(const std::string& id, const std::string& manager) {
  DirectoryEntry entry;
  entry.id = id;
  entry.display_name = id;
  entry.manager_id = manager;
  return entry;
}

class DirectorySyncTest : public ::testing::Test {
 protected:
  DirectorySyncTest() {
    source.people = {Entry("UBOSS", ""), Entry("UALICE", "UBOSS")};
    ProgramSettings settings = EngineHarness::DefaultSettings();
    settings.directory_sources = {"slack"};
    sync = std::make_unique<DirectorySync>(bot.store(), bot.clock(), settings, std::vector<DirectorySource*>{&source},
                                           DirectorySchedule{}, [] { return std::chrono::steady_clock::now(); });
  }
  int RosterSize() {
    int count = 0;
    bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { count = tx.roster().Count(); });
    return count;
  }

  EngineHarness bot;
  ScriptedSource source;
  std::unique_ptr<DirectorySync> sync;
};

TEST_F(DirectorySyncTest, FullAtStartThenIncrementalHourlyAndFullDaily) {
  sync->RunDue();
  ASSERT_EQ(source.requests.size(), 1u);
  EXPECT_TRUE(source.requests[0].full);
  EXPECT_EQ(RosterSize(), 2);
  EXPECT_EQ(sync->RunDue(), std::chrono::seconds(3600)) << "nothing due for an hour";
  EXPECT_EQ(source.requests.size(), 1u);
  bot.clock().Advance(std::chrono::minutes(61));
  sync->RunDue();
  ASSERT_EQ(source.requests.size(), 2u);
  EXPECT_FALSE(source.requests[1].full);
  EXPECT_EQ(source.requests[1].delta, "delta-1") << "from where the last read ended";
  bot.clock().Advance(std::chrono::hours(23));
  sync->RunDue();
  EXPECT_TRUE(source.requests.back().full);
}

TEST_F(DirectorySyncTest, ARestartReadsInFullThoughTheLastFullReadIsRecent) {
  sync->RunDue();
  bot.clock().Advance(std::chrono::minutes(61));
  sync->RunDue();
  ASSERT_FALSE(source.requests.back().full);
  // The bot restarts a minute later (it may have been down through a reorg).
  bot.clock().Advance(std::chrono::minutes(1));
  ProgramSettings settings = EngineHarness::DefaultSettings();
  settings.directory_sources = {"slack"};
  DirectorySync restarted(bot.store(), bot.clock(), settings, {&source}, DirectorySchedule{},
                          [] { return std::chrono::steady_clock::now(); });
  restarted.RunDue();
  ASSERT_EQ(source.requests.size(), 3u);
  EXPECT_TRUE(source.requests.back().full);
  restarted.RunDue();
  EXPECT_EQ(source.requests.size(), 3u) << "then the schedule as before";
}

TEST_F(DirectorySyncTest, AFailedReadChangesNothingAndIsRetriedLater) {
  source.failure = Status::Unavailable("http 503");
  auto summary = sync->SyncSource(source, true, {});
  EXPECT_FALSE(summary.status.ok());
  EXPECT_THAT(SummaryLine(summary), HasSubstr("failed, nothing changed: http 503"));
  EXPECT_EQ(RosterSize(), 0);
  sync->RunDue();
  const auto tries = source.requests.size();
  sync->RunDue();
  EXPECT_EQ(source.requests.size(), tries) << "not again at once";
  source.failure = Status::Ok();
  bot.clock().Advance(std::chrono::minutes(6));
  sync->RunDue();
  EXPECT_EQ(RosterSize(), 2);
}

TEST_F(DirectorySyncTest, AnExpiredDeltaReadsInFull) {
  sync->SyncSource(source, true, {});
  source.expired = true;
  auto summary = sync->SyncSource(source, false, {});
  EXPECT_TRUE(summary.status.ok());
  EXPECT_TRUE(summary.full);
  EXPECT_TRUE(source.requests.back().full);
}

TEST_F(DirectorySyncTest, AnAdminsRequestIsSyncedAndAnswered) {
  const UserRef admin = EngineHarness::SlackUser("UADMIN");
  EngineHarness other;  // a program without directories
  EXPECT_THAT(other.Say(admin, "admin directory sync"), HasSubstr("No company directory is configured"));
  bot.store().Run(Store::Access::kWrite, [&](StoreTransaction& tx) { tx.directory().RequestSync(admin.Key(), bot.clock().Now()); });
  sync->RunDue();
  std::vector<OutboundMessage> queued;
  bot.store().Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    queued = tx.outbox().ClaimDue(bot.clock().Now(), 100, std::chrono::seconds(0), DeliveryFilter{{Platform::kSlack}, std::nullopt});
  });
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].to.user, admin);
  EXPECT_THAT(queued[0].message.PlainText(), HasSubstr("slack T1 full sync: 2 people read, 2 added"));
}

// A Slack workspace without a manager field, beside Entra ID's org chart:
// the Slack pair's chain comes from Graph by email, so a reorg there is
// put to the admins.
TEST(DirectoryEmailJoinTest, ASlackPairIsReCheckedAgainstTheGraphOrgChartByEmail) {
  EngineHarness bot;
  auto with_email = [](const std::string& id, const std::string& manager, const std::string& email) {
    DirectoryEntry entry = Entry(id, manager);
    entry.email = email;
    return entry;
  };
  ScriptedSource graph("graph", Platform::kTeams, "TEN");
  graph.people = {with_email("aad-vp", "", "vp@x.com"), with_email("aad-mentor", "aad-vp", "mentor@x.com"),
                  with_email("aad-mentee", "aad-vp", "mentee@x.com")};
  ScriptedSource slack;
  slack.people = {with_email("UMENTOR", "", "mentor@x.com"), with_email("UMENTEE", "", "mentee@x.com")};
  for (auto& person : slack.people) person.manager_id.reset();  // no manager field configured
  ProgramSettings settings = EngineHarness::DefaultSettings();
  settings.directory_sources = {"graph", "slack"};
  DirectorySync sync(bot.store(), bot.clock(), settings, {&graph, &slack}, DirectorySchedule{},
                     [] { return std::chrono::steady_clock::now(); });
  const UserRef admin = EngineHarness::SlackUser("UADMIN");
  bot.Say(EngineHarness::SlackUser("UMENTOR"), "join mentor");
  bot.Say(EngineHarness::SlackUser("UMENTEE"), "join mentee");
  sync.SyncAll(true, "", {});
  EXPECT_THAT(bot.Say(admin, "admin pair <@UMENTOR> <@UMENTEE>"), HasSubstr("Paired"));

  graph.people[2].manager_id = "aad-mentor";  // the reorg, in Entra ID only
  const auto summaries = sync.SyncAll(true, "", {});
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_THAT(SummaryLine(summaries[0]), HasSubstr("1 pair to review"));
  EXPECT_THAT(bot.Say(admin, "admin directory keep 1"), HasSubstr("Kept pair #1"));
}

}  // namespace
}  // namespace mentorbot
