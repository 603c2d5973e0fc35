// The home view: status with buttons and forms for what waits on the person,
// and the program's figures for admins only.
#include "bot/engine/reporting/program_report.h"
#include "tests/bot/program_fixture.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using HomeCommandTest = ProgramTest;

std::vector<std::string> ActionsOf(const Message& message) {
  std::vector<std::string> actions;
  for (const auto& section : message.sections) {
    for (const auto& button : section.buttons) actions.push_back(button.action_id);
    if (section.form) actions.push_back("form:" + section.form->id);
  }
  return actions;
}

TEST_F(HomeCommandTest, TheMentorIsAskedToConfirmAProposedTime) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  const Message home = bot.Send(mentor, "home").message;
  EXPECT_THAT(home.PlainText(), HasSubstr("0 of 6 sessions held"));
  EXPECT_THAT(ActionsOf(home), ::testing::ElementsAre("confirm", "decline"));
  EXPECT_THAT(home.PlainText(), Not(HasSubstr("The program in figures")));
}

TEST_F(HomeCommandTest, TheMenteeGetsTheFormsAndButtonsForEachStepOfASession) {
  EXPECT_THAT(ActionsOf(bot.Send(mentee, "home").message), ::testing::ElementsAre("form:schedule"));
  bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(ActionsOf(bot.Send(mentee, "home").message), ::testing::ElementsAre("form:agenda"));
  bot.clock().Advance(std::chrono::hours(48));
  EXPECT_THAT(ActionsOf(bot.Send(mentee, "home").message), ::testing::ElementsAre("met", "cancel", "form:reschedule"));
  EXPECT_THAT(ActionsOf(bot.Send(mentor, "home").message), ::testing::ElementsAre("met", "cancel"))
      << "the mentor does not move sessions";
  bot.Say(mentee, "met");
  const Message home = bot.Send(mentee, "home").message;
  EXPECT_THAT(ActionsOf(home), ::testing::ElementsAre("form:schedule", "form:takeaways"));
  EXPECT_THAT(home.PlainText(), HasSubstr("1 of 6 sessions held"));
}

TEST_F(HomeCommandTest, AWrittenAgendaIsOfferedForEditingWithItsText) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  auto agenda_form = [&] { return bot.Send(mentee, "home").message.sections.back().form; };
  ASSERT_TRUE(agenda_form());
  EXPECT_EQ(agenda_form()->title, "Set the agenda");
  bot.Say(mentee, "agenda How do new joiners see our review process?");
  ASSERT_TRUE(agenda_form());
  EXPECT_EQ(agenda_form()->title, "Edit the agenda");
  EXPECT_EQ(agenda_form()->inputs.at(0).initial, "How do new joiners see our review process?");
}

TEST_F(HomeCommandTest, ATimeThatCannotBeReadIsShownBesideTheFormsBox) {
  Event event;
  event.kind = EventKind::kFormSubmission;
  event.from.user = mentee;
  event.action_id = "schedule";
  event.fields = {{"when", "someday"}};
  Reply reply = bot.engine().Handle(event);
  EXPECT_THAT(reply.field_errors.at("when"), HasSubstr("couldn't read"));
  ASSERT_TRUE(reply.message.sections.back().form);
  EXPECT_EQ(reply.message.sections.back().form->inputs[0].initial, "someday");
  EXPECT_FALSE(OpenSession());
  event.fields = {{"when", "tomorrow 15:00"}};
  reply = bot.engine().Handle(event);
  EXPECT_TRUE(reply.field_errors.empty());
  EXPECT_TRUE(OpenSession());
  EXPECT_THAT(bot.Send(mentee, "move").message.sections.back().form->id, "reschedule") << "an alias names the real form";
}

TEST_F(HomeCommandTest, AdminsSeeTheProgramInFigures) {
  bot.Say(mentee, "met");
  bot.Say(mentee, "takeaways Listen first");
  const std::string home = bot.Send(admin, "home").message.PlainText();
  EXPECT_THAT(home, HasSubstr("The program in figures"));
  EXPECT_THAT(home, HasSubstr("Mentors / mentees: 1 / 1"));
  EXPECT_THAT(home, HasSubstr("Pairs active / paused / ended: 1 / 0 / 0"));
  EXPECT_THAT(home, HasSubstr("Pairs on track: 1 of 1 active"));
  EXPECT_THAT(home, HasSubstr("Sessions held / expected by now: 1 / 0"));
  EXPECT_THAT(home, HasSubstr("Takeaways written: 100% of held sessions"));
  EXPECT_THAT(home, Not(HasSubstr("Listen first"))) << "figures only, never a pair's notes";
  EXPECT_THAT(home, Not(HasSubstr("changes since"))) << "no report yet to compare with";
}

TEST_F(HomeCommandTest, AdminFiguresShowTheChangeSinceTheLastReportWithoutMovingIt) {
  bot.Say(admin, "admin report");
  bot.Say(mentee, "met");
  const Reply home = bot.Send(admin, "home");
  EXPECT_THAT(home.message.PlainText(), AllOf(HasSubstr("changes since the last report"),
                                              HasSubstr("Sessions held / expected by now: 1 (+1)")));
  EXPECT_THAT(bot.Send(admin, "home").message.PlainText(), HasSubstr("1 (+1)")) << "only admin report moves the baseline";
  const Section& actions = home.message.sections.back();
  ASSERT_EQ(actions.buttons.size(), 2u);
  EXPECT_EQ(actions.buttons[0].action_id + " " + actions.buttons[0].value, "admin report");
  EXPECT_EQ(actions.buttons[1].action_id + " " + actions.buttons[1].value, "admin export");
  EXPECT_THAT(bot.Send(mentee, "home").message.PlainText(), Not(HasSubstr("in figures"))) << "admins only";
}

TEST_F(HomeCommandTest, FiguresCountPausedStalledAndFinishedPairs) {
  auto figures = [&](TimePoint at) {
    ProgramReport report;
    EXPECT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
      report = ComputeProgramReport(tx, ProgramRules{}, at);
    }).ok());
    return report.figures;
  };
  auto f = figures(bot.clock().Now() + std::chrono::days(30));
  EXPECT_EQ(f.at("pairs_active"), 1);
  EXPECT_EQ(f.at("pairs_on_track"), 0) << "no session within the 21-day cadence";
  for (int i = 0; i < 6; ++i) {
    ASSERT_THAT(bot.Say(mentee, "met"), HasSubstr(std::to_string(i + 1) + " of 6"));
    bot.clock().Advance(std::chrono::days(21));
  }
  ASSERT_THAT(bot.Say(mentor, "pause 14"), HasSubstr("aused"));
  f = figures(bot.clock().Now());
  EXPECT_EQ(f.at("pairs_paused"), 1);
  EXPECT_EQ(f.at("pairs_active"), 0);
  EXPECT_EQ(f.at("pairs_on_track"), 0) << "a paused pair is not on track";
  EXPECT_EQ(f.at("pairs_reached_target"), 1);
  EXPECT_EQ(f.at("sessions_held"), 6);
  EXPECT_EQ(f.at("takeaway_rate"), 0);
}

}  // namespace
}  // namespace mentorbot
