// admin config, admins, pair (with the leadership-chain rule), unpair,
// announce; refusals for non-admins are audited.
#include "tests/bot/program_fixture.h"

namespace mentorbot {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class AdminCommandsTest : public ::testing::Test {
 protected:
  std::vector<AuditEntry> Audit() {
    std::vector<AuditEntry> entries;
    bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { entries = tx.program().RecentAudit(50); });
    return entries;
  }
  void Join(const std::string& id, const std::string& role, const std::string& manager) {
    const UserRef who = EngineHarness::SlackUser(id);
    bot.Say(who, "join " + role);
    bot.Say(who, "profile set manager " + manager);
  }
  int QueuedCount() {
    int count = 0;
    bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { count = tx.outbox().Counts().pending; });
    return count;
  }

  EngineHarness bot;
  const UserRef admin = EngineHarness::SlackUser("UADMIN");
  const UserRef sam = EngineHarness::SlackUser("USAM");
};

TEST_F(AdminCommandsTest, NonAdminsAreRefusedPolitelyAndAudited) {
  bot.Say(sam, "join mentor");
  for (const char* command : {"admin config set cadence_days 7", "admin pair @A @B", "admin announce hi", "admin"}) {
    EXPECT_THAT(bot.Say(sam, command), HasSubstr("Only the program's admins can do that")) << command;
  }
  auto audit = Audit();
  ASSERT_EQ(audit.size(), 4u);
  for (const auto& entry : audit) {
    EXPECT_FALSE(entry.allowed);
    EXPECT_EQ(entry.actor, "slack:T1:USAM");
  }
  EXPECT_THAT(bot.Say(sam, "help"), Not(HasSubstr("admin <command>")));
  EXPECT_THAT(bot.Say(admin, "help"), HasSubstr("admin <command>"));
}

TEST_F(AdminCommandsTest, ConfigShowAndValidatedSet) {
  const std::string shown = bot.Say(admin, "admin config show");
  EXPECT_THAT(shown, AllOf(HasSubstr("cadence_days = 21"), HasSubstr("session_minutes = 45"), HasSubstr("target_sessions = 6"),
                           HasSubstr("quiet_hours = 20:00-08:00"), HasSubstr("work_days = mon,tue,wed,thu,fri")));
  EXPECT_THAT(bot.Say(admin, "admin config set cadence_days 3"), HasSubstr("from 7 to 90"));
  EXPECT_THAT(bot.Say(admin, "admin config set colour blue"), HasSubstr("no setting colour"));
  EXPECT_THAT(bot.Say(admin, "admin config set quiet_hours 25:00-07:00"), HasSubstr("HH:MM-HH:MM"));
  EXPECT_THAT(bot.Say(admin, "admin config set cadence_days"), HasSubstr("Name a setting and its new value"));
  EXPECT_THAT(bot.Say(admin, "admin config set cadence_days 14"), HasSubstr("now 14 (was 21)"));
  EXPECT_THAT(bot.Say(admin, "admin config set work_days mon-thu"), HasSubstr("now mon,tue,wed,thu"));
  EXPECT_THAT(bot.Say(admin, "admin config set admin_channel <#C123|mentoring-admins>"), HasSubstr("now C123"));
  EXPECT_THAT(bot.Say(admin, "admin config show"), HasSubstr("cadence_days = 14"));
  EXPECT_THAT(Audit()[0].detail, HasSubstr("admin_channel: none -> C123"));
}

TEST_F(AdminCommandsTest, AdminsAddRemoveListConfigAdminsStay) {
  EXPECT_THAT(bot.Say(admin, "admin admins add <@USAM>"), HasSubstr("Added @USAM"));
  EXPECT_THAT(bot.Say(admin, "admin admins add <@USAM>"), HasSubstr("already an admin"));
  EXPECT_THAT(bot.Say(sam, "admin config show"), HasSubstr("Program settings")) << "the new admin can act";
  EXPECT_THAT(bot.Say(admin, "admin admins list"), AllOf(HasSubstr("@UADMIN (from the config file)"), HasSubstr("@USAM")));
  EXPECT_THAT(bot.Say(sam, "admin admins remove <@UADMIN>"), HasSubstr("through the config file"));
  EXPECT_THAT(bot.Say(admin, "admin admins remove <@USAM>"), HasSubstr("Removed"));
  EXPECT_THAT(bot.Say(sam, "admin config show"), HasSubstr("Only the program's admins"));
  EXPECT_THAT(bot.Say(admin, "admin admins add"), HasSubstr("Whom?"));
}

TEST_F(AdminCommandsTest, PairStartsTheKickoffForBoth) {
  Join("UM", "mentor", "none");
  Join("UE", "mentee", "none");
  EXPECT_THAT(bot.Say(admin, "admin pair <@UM|m> <@UE|e>"), HasSubstr("as pair #1"));
  EXPECT_EQ(QueuedCount(), 2);
  EXPECT_THAT(bot.Say(EngineHarness::SlackUser("UE"), "status"), HasSubstr("@UM (your mentor)"));
  EXPECT_EQ(Audit()[0].action, "admin pair");
}

TEST_F(AdminCommandsTest, PairRefusesWhoCannotBePaired) {
  Join("UM", "mentor", "none");
  Join("UE", "mentee", "none");
  Join("UE2", "mentee", "none");
  EXPECT_THAT(bot.Say(admin, "admin pair <@UM>"), HasSubstr("Name the mentor, then the mentee"));
  EXPECT_THAT(bot.Say(admin, "admin pair <@UNOBODY> <@UE>"), HasSubstr("is not enrolled"));
  EXPECT_THAT(bot.Say(admin, "admin pair <@UE> <@UM>"), HasSubstr("write the mentor first"));
  bot.Say(admin, "admin pair <@UM> <@UE>");
  EXPECT_THAT(bot.Say(admin, "admin pair <@UM> <@UE2>"), HasSubstr("already in pair #1"));
  EXPECT_EQ(QueuedCount(), 2) << "no refused pairing queued anything";
}

TEST_F(AdminCommandsTest, NeverInsideOneLeadershipChainDirectOrTransitive) {
  Join("UBOSS", "mentee", "none");
  Join("UMID", "mentor", "<@UBOSS>");
  Join("UJUNIOR", "mentor", "<@UMID>");
  EXPECT_THAT(bot.Say(admin, "admin pair <@UMID> <@UBOSS>"),
              AllOf(HasSubstr("same leadership chain"), HasSubstr("@UMID reports to @UBOSS")));
  EXPECT_THAT(bot.Say(admin, "admin pair <@UJUNIOR> <@UBOSS>"),
              HasSubstr("@UJUNIOR reports to @UMID reports to @UBOSS"));
  EXPECT_EQ(QueuedCount(), 0);
  EXPECT_EQ(Audit()[0].action, "admin pair refused");
}

TEST_F(AdminCommandsTest, ManagersWhoNeverJoinedStillFormTheChain) {
  // The mentor's manager is the mentee's direct report, known only by id.
  Join("UVP", "mentee", "none");
  bot.Say(EngineHarness::SlackUser("UDIR"), "join mentor");
  bot.Say(EngineHarness::SlackUser("UDIR"), "profile set manager <@UVP>");
  bot.Say(EngineHarness::SlackUser("UDIR"), "leave");  // left, but their manager link still counts
  Join("UANALYST", "mentor", "<@UDIR>");
  EXPECT_THAT(bot.Say(admin, "admin pair <@UANALYST> <@UVP>"), HasSubstr("same leadership chain"));
}

TEST_F(AdminCommandsTest, ACycleInManagerDataTerminatesAndUnrelatedPeopleCanPair) {
  Join("UA", "mentor", "<@UB>");
  Join("UB", "mentor", "<@UA>");
  Join("UC", "mentee", "none");
  EXPECT_THAT(bot.Say(admin, "admin pair <@UA> <@UC>"), HasSubstr("Paired"));
  Join("UD", "mentee", "<@UA>");
  EXPECT_THAT(bot.Say(admin, "admin pair <@UB> <@UD>"), HasSubstr("same leadership chain"));
}

TEST_F(AdminCommandsTest, UnpairByNumberOrMemberTellsBoth) {
  Join("UM", "mentor", "none");
  Join("UE", "mentee", "none");
  bot.Say(admin, "admin pair <@UM> <@UE>");
  EXPECT_THAT(bot.Say(admin, "admin unpair #7"), HasSubstr("no open pair like that"));
  EXPECT_THAT(bot.Say(admin, "admin unpair"), HasSubstr("Which pair?"));
  EXPECT_THAT(bot.Say(admin, "admin unpair <@UE>"), HasSubstr("Ended pair #1"));
  EXPECT_EQ(QueuedCount(), 4) << "two kickoffs, two endings";
  EXPECT_THAT(bot.Say(admin, "admin unpair #1"), HasSubstr("no open pair like that"));
  EXPECT_THAT(bot.Say(EngineHarness::SlackUser("UM"), "status"), HasSubstr("not paired yet"));
}

TEST_F(AdminCommandsTest, AnnounceReachesEveryActiveParticipantOnce) {
  Join("U1", "mentor", "none");
  Join("U2", "mentee", "none");
  Join("U3", "mentee", "none");
  bot.Say(EngineHarness::SlackUser("U3"), "leave");
  EXPECT_THAT(bot.Say(admin, "admin announce"), HasSubstr("What should I announce?"));
  EXPECT_THAT(bot.Say(admin, "admin announce Kickoff call on Friday"), HasSubstr("queued for 2 participants"));
  EXPECT_EQ(QueuedCount(), 2);
}

TEST_F(AdminCommandsTest, UnknownAdminSubcommandShowsTheAdminCommands) {
  EXPECT_THAT(bot.Say(admin, "admin frobnicate"), AllOf(HasSubstr("There is no admin command frobnicate"),
                                                       HasSubstr("/mentor admin pair <mentor> <mentee>")));
}

}  // namespace
}  // namespace mentorbot
