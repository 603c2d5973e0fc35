// Teams end to end through the real binary: Microsoft's side (OpenID keys,
// token endpoint, connector) is a fake on loopback. A Teams pair and a Slack
// pair run side by side in one process: install welcome, commands in 1:1 and
// in a channel with mentions, proactive kickoffs through new 1:1 chats, a
// button pressed through an Action.Execute invoke, the scheduler's agenda
// nudge with its form, a refused and an accepted form submission.
#include "tests/integration/teams_program_fixture.h"

namespace mentorbot {
namespace {

TEST_F(TeamsProgramTest, AnAdminSendsTheRosterInTheirChatAndMatchesIt) {
  Start();
  // Bare ids are AAD object ids in the admin's tenant. The exec manages the
  // mentor's team lead (who never enrols): that pair is in one chain.
  const std::string csv =
      "id,name,department,level,manager,role\n"
      "aad-boss,Big Boss,Ops,11,,none\n"
      "aad-lead,Team Lead,Ops,6,aad-exec,none\n"
      "aad-mentor,Riley Mentor,Ops,2,aad-lead,mentor\n"
      "aad-mentee,Morgan Mentee,Finance,9,,mentee\n"
      "aad-exec,Sam Exec,Ops,10,aad-boss,mentee\n";
  json upload = Personal(kAdmin, "");
  upload["attachments"] = json::array({{{"contentType", "application/vnd.microsoft.teams.file.download.info"},
                                        {"name", "roster.csv"},
                                        {"contentUrl", "https://contoso.sharepoint.com/personal/roster.csv"},
                                        {"content", {{"downloadUrl", framework.AddFile("roster1", csv)},
                                                     {"uniqueId", "roster1"}, {"fileType", "csv"}}}}});
  Send(upload);
  EXPECT_THAT(WaitFor(kAdmin.Conversation(), "Roster imported").dump(), HasSubstr("5 people"));
  Send(Personal(kAdmin, "admin match preview"));
  const std::string preview = WaitFor(kAdmin.Conversation(), "Match preview").dump();
  EXPECT_THAT(preview, HasSubstr("Riley Mentor"));
  EXPECT_THAT(preview, HasSubstr("Morgan Mentee")) << "the only mentee outside the mentor's chain";
  EXPECT_THAT(preview, HasSubstr("leadership chain")) << "why the exec stays unpaired";

  json elsewhere = upload;  // a file that is not served from SharePoint or the service is never fetched
  elsewhere["id"] = "upload-2";
  elsewhere["attachments"][0]["content"]["downloadUrl"] = "http://127.0.0.2:1/roster.csv";
  Send(elsewhere);
  for (int i = 0; i < 200 && bot->Log().find("download URL not allowed") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_THAT(bot->Log(), HasSubstr("file ignored (download URL not allowed)"));
}

TEST_F(TeamsProgramTest, RefusesUnauthenticatedRequestsAndForeignServiceUrls) {
  Start();
  const json join = Personal(kMentee, "join mentee");
  auto missing = Post(join, "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  auto claims = BotFrameworkClaims("another-bot", framework.service_url(), WallClock());
  EXPECT_EQ(Post(join, "Bearer " + BotFrameworkToken(key, claims))->status, 401);
  TestSigningKey stranger("integration-key");
  claims = BotFrameworkClaims(kAppId, framework.service_url(), WallClock());
  EXPECT_EQ(Post(join, "Bearer " + BotFrameworkToken(stranger, claims))->status, 401);
  json foreign = join;
  foreign["serviceUrl"] = "https://attacker.example/teams/";
  claims = BotFrameworkClaims(kAppId, "https://attacker.example/teams/", WallClock());
  EXPECT_EQ(Post(foreign, "Bearer " + BotFrameworkToken(key, claims))->status, 403);
  EXPECT_EQ(Post(json{{"type", "message"}}, "Bearer x")->status, 400);
  httplib::Client client("127.0.0.1", bot->port());
  EXPECT_EQ(client.Post("/api/messages", {{"Authorization", "Bearer x"}}, "a=b", "text/plain")->status, 415);

  // None of it was handled: a signed status now finds the mentee not enrolled.
  Send(Personal(kMentee, "status"));
  EXPECT_THAT(WaitFor(kMentee.Conversation(), "join mentee").dump(), HasSubstr("join mentor"));
  const std::string log = bot->Log();
  EXPECT_THAT(log, HasSubstr("signature mismatch"));
  EXPECT_THAT(log, HasSubstr("wrong audience"));
  EXPECT_THAT(log, HasSubstr("service url not allowed"));
  EXPECT_THAT(log, Not(HasSubstr(kPassword)));
}

TEST_F(TeamsProgramTest, ATeamsPairAndASlackPairRunSideBySide) {
  Start();
  // Installing the app in a 1:1 chat (both activities Teams sends): one welcome.
  json added = Activity("conversationUpdate", kMentee, kMentee.Conversation(), "personal");
  added["membersAdded"] = json::array({{{"id", std::string("28:") + kAppId}}});
  Send(added);
  json install = Activity("installationUpdate", kMentee, kMentee.Conversation(), "personal");
  install["action"] = "add";
  Send(install);
  WaitFor(kMentee.Conversation(), "join mentee");

  Send(Personal(kMentor, "join mentor"));
  Send(Personal(kMentor, "profile set manager none"));
  json join = Personal(kMentee, "join mentee");
  join["entities"] = json::array({{{"type", "clientInfo"}, {"locale", "ja-JP"}, {"timezone", "Asia/Tokyo"}}});
  Send(join);
  Send(Personal(kMentee, std::string("profile set manager teams:") + kTenant + ":aad-boss"));
  WaitFor(kMentee.Conversation(), "manager");
  // The time zone the mentee's Teams client reported becomes theirs.
  bool zone_known = false;
  for (int attempt = 0; attempt < 50 && !zone_known; ++attempt) {
    const std::size_t before = SentTo(kMentee.Conversation()).size();
    Send(Personal(kMentee, "profile"));
    for (int wait = 0; wait < 200 && SentTo(kMentee.Conversation()).size() == before; ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    zone_known = SentTo(kMentee.Conversation()).back().find("Asia/Tokyo") != std::string::npos;
    if (!zone_known) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(zone_known);

  // The Slack pair, in the same process.
  SlackCommand("UMENTOR", "join mentor");
  SlackCommand("UMENTOR", "profile set manager none");
  SlackCommand("UMENTEE", "join mentee");
  SlackCommand("UMENTEE", "profile set manager <@UBOSS|boss>");
  EXPECT_THAT(SlackCommand("UADMIN", "admin pair <@UMENTOR|m> <@UMENTEE|e>"), HasSubstr("Paired"));
  // Quiet hours off and every day a work day, so the scheduler's nudge comes at any hour.
  SlackCommand("UADMIN", "admin config set quiet_hours off");
  SlackCommand("UADMIN", "admin config set work_days mon-sun");

  // The Teams admin pairs in a channel, naming people by mention. The admin
  // never opened a 1:1 chat with the bot: the reply goes to a new one.
  json channel = Activity("message", kAdmin, "19:general@thread.tacv2;messageid=1", "channel");
  channel["text"] = "<at>mentorbot</at> admin pair <at>Riley</at> <at>Morgan</at>";
  channel["entities"] = json::array(
      {{{"type", "mention"}, {"text", "<at>mentorbot</at>"}, {"mentioned", {{"id", std::string("28:") + kAppId}}}},
       {{"type", "mention"}, {"text", "<at>Riley</at>"}, {"mentioned", {{"id", kMentor.id}, {"aadObjectId", kMentor.aad}}}},
       {{"type", "mention"}, {"text", "<at>Morgan</at>"}, {"mentioned", {{"id", kMentee.id}, {"aadObjectId", kMentee.aad}}}}});
  Send(channel);
  // The admin's new 1:1 chat is created with their channel id, or with their
  // AAD id when the scheduler's Monday digest reached them first.
  WaitForAny({"a:personal-29:1admin", "a:personal-aad-admin"}, "Paired");
  WaitFor(kMentor.Conversation(), "ground rules");
  WaitFor(kMentee.Conversation(), "ground rules");
  EXPECT_TRUE(SentTo("19:general@thread.tacv2;messageid=1").empty()) << "private answers never go to the channel";

  // The mentee proposes; the mentor confirms with the card's button (Action.Execute).
  Send(Personal(kMentee, "schedule tomorrow 15:00"));
  const json proposal = WaitFor(kMentor.Conversation(), "Confirm");
  json invoke = Activity("invoke", kMentor, kMentor.Conversation(), "personal");
  invoke["name"] = "adaptiveCard/action";
  invoke["value"] = {{"action", {{"type", "Action.Execute"}, {"verb", "confirm"}, {"data", ActionData(proposal, "confirm")}}},
                     {"trigger", "manual"}};
  auto confirmed = Send(invoke);
  ASSERT_TRUE(confirmed);
  const json response = json::parse(confirmed->body);
  EXPECT_EQ(response["statusCode"], 200);
  EXPECT_EQ(response["type"], "application/vnd.microsoft.card.adaptive");
  EXPECT_THAT(response["value"].dump(), HasSubstr("onfirmed"));
  WaitFor(kMentee.Conversation(), "confirmed");

  // The scheduler (session < 48 h away) nudges the mentee with the agenda form.
  const json nudge = WaitFor(kMentee.Conversation(), "no agenda yet");
  EXPECT_THAT(nudge.dump(), HasSubstr("Input.Text"));
  const json form = ActionData(nudge, "agenda");
  json empty = Personal(kMentee, "");
  empty.erase("text");
  empty["value"] = form;
  empty["value"]["input.text"] = "   ";
  Send(empty);
  WaitFor(kMentee.Conversation(), "Please check what you wrote");
  json filled = empty;
  filled["id"] = "agenda-submit-2";
  filled["value"]["input.text"] = "How do you decide what to stop doing?";
  Send(filled);
  WaitFor(kMentee.Conversation(), "Agenda saved");
  WaitFor(kMentor.Conversation(), "How do you decide what to stop doing?");

  // Every connector call carried the one token from the client-credentials grant.
  EXPECT_EQ(framework.token_requests(), 1);
  for (const auto& call : framework.ConnectorCalls()) EXPECT_EQ(call.authorization, "Bearer connector-token-1");
  // The Slack pair got its kickoffs through Slack meanwhile.
  EXPECT_TRUE(slack.WaitForPosted(2, std::chrono::seconds(10)));
  EXPECT_THAT(bot->Log(), Not(HasSubstr(kPassword)));
}

TEST_F(TeamsProgramTest, ARetriedActivityIsHandledOnce) {
  Start();
  const json join = Personal(kMentee, "join mentee");
  Send(join);
  Send(join);  // the connector delivers the same activity again
  WaitFor(kMentee.Conversation(), "mentee");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(SentTo(kMentee.Conversation()).size(), 1u);
}

TEST(TeamsLocalDevelopmentTest, UnsignedLoopbackActivitiesWorkWithoutAzureAndTheModeIsAnnounced) {
  TempDir dir;
  FakeBotFramework local_tool("", "");  // stands in for a local emulator: no tokens anywhere
  const json config = {{"server", {{"host", "127.0.0.1"}, {"port", 0}}},
                       {"database", {{"path", dir.File("bot.db")}}},
                       {"scheduler", {{"enabled", false}}},
                       {"teams", {{"allow_unauthenticated", true}}}};
  BotProcess bot(dir, config.dump(), Environment{});
  EXPECT_THAT(bot.Log(), HasSubstr("LOCAL DEVELOPMENT MODE"));
  json activity = {{"type", "message"}, {"id", "1"}, {"serviceUrl", local_tool.service_url()}, {"channelId", "msteams"},
                   {"from", {{"id", "29:dev"}, {"aadObjectId", "aad-dev"}}},
                   {"conversation", {{"conversationType", "personal"}, {"tenantId", "local-tenant"}, {"id", "a:dev"}}},
                   {"recipient", {{"id", "28:bot"}}}, {"text", "help"}};
  httplib::Client client("127.0.0.1", bot.port());
  auto accepted = client.Post("/api/messages", activity.dump(), "application/json");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200);
  ASSERT_TRUE(local_tool.WaitForActivities(1, std::chrono::seconds(10)));
  EXPECT_EQ(local_tool.Activities()[0].path, "/teams/v3/conversations/a:dev/activities");
  EXPECT_EQ(local_tool.Activities()[0].authorization, "") << "no token in local development";
  activity["serviceUrl"] = "https://smba.trafficmanager.net/emea/";
  activity["id"] = "2";
  EXPECT_EQ(client.Post("/api/messages", activity.dump(), "application/json")->status, 403);
}

TEST(TeamsLocalDevelopmentTest, IsRefusedWhileAnAppIdIsSet) {
  TempDir dir;
  const std::string config_path = dir.File("config.json");
  std::ofstream(config_path) << json{{"database", {{"path", dir.File("bot.db")}}},
                                     {"teams", {{"allow_unauthenticated", true}}}}.dump();
  auto result = RunMentorbot({"serve", "--config", config_path}, "", Environment{{"TEAMS_APP_ID", "app"}});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("teams.allow_unauthenticated: must be false while TEAMS_APP_ID is set"));
}

}  // namespace
}  // namespace mentorbot
