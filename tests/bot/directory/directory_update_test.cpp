// The platform says a person changed (Slack user_change): the org chart is
// updated at once, a pair a reorg put inside one chain goes to the admins
// with buttons (never silently kept, the pair not told), and a person who
// left the company has their pairs paused and is never messaged again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/bot/program_fixture.h"

namespace mentorbot {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

class DirectoryUpdateTest : public ProgramTest {
 protected:
  Reply Changed(const UserRef& who, DirectoryEntry entry, const std::string& event_id) {
    Event event;
    event.kind = EventKind::kDirectoryUpdate;
    event.event_id = event_id;
    event.redeliverable = true;
    event.from = Address{who};
    entry.id = who.user_id;
    event.directory_entry = entry;
    return bot.engine().Handle(event);
  }
  std::string QueuedToAdmin() {
    std::string text;
    for (const auto& message : Queued()) {
      if (message.to.user == admin) text += message.message.PlainText() + "\n";
    }
    return text;
  }
  std::vector<Button> AdminButtons() {
    std::vector<Button> buttons;
    for (const auto& message : Queued()) {
      if (message.to.user != admin) continue;
      for (const auto& section : message.message.sections) {
        for (const auto& button : section.buttons) {
          if (button.value.rfind("directory ", 0) == 0) buttons.push_back(button);
        }
      }
    }
    return buttons;
  }
};

TEST_F(DirectoryUpdateTest, AReorgThatPutsThePairInOneChainReachesTheAdminsWithButtons) {
  Queued();  // the kickoff messages, out of the way
  DirectoryEntry moved;
  moved.manager_id = "UMENTOR";  // the mentee now reports to their mentor
  Reply reply = Changed(mentee, moved, "ev1");
  EXPECT_FALSE(reply.failed);
  ASSERT_EQ(bot.StoredPerson(mentee)->profile.manager, "slack:T1:UMENTOR");
  const auto buttons = AdminButtons();
  ASSERT_EQ(buttons.size(), 2u);
  EXPECT_EQ(buttons[0].label, "End the pairing and rematch");
  EXPECT_EQ(buttons[1].label, "Keep it (recorded in the audit log)");
  EXPECT_THAT(QueuedTo(mentee), Not(Contains(HasSubstr("leadership chain")))) << "the pair is not told";

  EXPECT_TRUE(Changed(mentee, moved, "ev1").duplicate);
  Changed(mentee, moved, "ev2");
  EXPECT_EQ(AdminButtons().size(), 2u) << "the same chain is asked about once";

  Event press;
  press.kind = EventKind::kAction;
  press.from = Address{admin};
  press.action_id = buttons[1].action_id;
  press.action_value = buttons[1].value;
  EXPECT_THAT(bot.engine().Handle(press).message.PlainText(), HasSubstr("Kept pair #"));
  EXPECT_THAT(bot.Say(admin, "admin directory keep 1"), HasSubstr("already decided"));
  EXPECT_THAT(bot.Say(mentor, "admin directory end 1"), HasSubstr("Only the program's admins"));
}

TEST_F(DirectoryUpdateTest, EndingThePairTellsThemWhyAndOffersTheRematch) {
  Queued();
  DirectoryEntry moved;
  moved.manager_id = "UMENTOR";
  Changed(mentee, moved, "ev1");
  const std::string reply = bot.Say(admin, "admin directory end 1");
  EXPECT_THAT(reply, HasSubstr("Ended pair #1"));
  EXPECT_THAT(reply, HasSubstr("Match preview"));
  EXPECT_THAT(QueuedTo(mentee), Contains(HasSubstr("one leadership chain")));
}

TEST_F(DirectoryUpdateTest, APersonWhoLeftHasTheirPairPausedAndIsNeverMessagedAgain) {
  DirectoryEntry gone;
  gone.active = false;
  Changed(mentor, gone, "ev1");
  EXPECT_FALSE(bot.StoredPerson(mentor)->active());
  EXPECT_THAT(QueuedToAdmin(), HasSubstr("no longer an active account"));
  EXPECT_THAT(QueuedTo(mentee), Contains(HasSubstr("on hold")));
  EXPECT_THAT(QueuedTo(mentor), IsEmpty()) << "pending messages to them are dropped";
  bool paused = false;
  bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
    paused = tx.pairs().Find(1)->state == PairState::kPaused;
  });
  EXPECT_TRUE(paused);
}

}  // namespace
}  // namespace mentorbot
