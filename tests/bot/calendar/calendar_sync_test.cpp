// Sessions in both people's calendars, as iCalendar files in their DMs:
// confirmed, moved, changed and cancelled, one event (one UID) per session,
// each version sent exactly once with a higher SEQUENCE.
#include "bot/engine/calendar/session_event.h"
#include "bot/engine/scheduling/scheduler.h"
#include "tests/bot/program_fixture.h"
#include "tests/support/ics_reading.h"

namespace mentorbot {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

struct Invitation {
  UserRef to;
  std::int64_t file_id = 0;
  std::string text;
  std::string file_name;
  std::string media_type;
  IcsObject ics;
};

class CalendarSyncTest : public ProgramTest {
 protected:
  void SetUp() override {
    ProgramTest::SetUp();
    ASSERT_THAT(bot.Say(mentor, "profile set email Ada@Example.com"), HasSubstr("ada@example.com"));
    ASSERT_THAT(bot.Say(mentee, "profile set email grace@example.com"), HasSubstr("grace@example.com"));
  }

  // Every invitation queued since the last call, in the order queued.
  std::vector<Invitation> NewInvitations() {
    std::vector<OutboundMessage> messages = Queued();
    std::sort(messages.begin(), messages.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    std::vector<Invitation> found;
    for (const OutboundMessage& message : messages) {
      if (message.key.rfind("calendar:", 0) != 0 || message.id <= last_seen_) continue;
      last_seen_ = message.id;
      EXPECT_EQ(message.message.files.size(), 1u);
      if (message.message.files.empty()) continue;
      const FileRef& ref = message.message.files.front();
      std::optional<StoredFile> file;
      EXPECT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { file = tx.files().Find(ref.id); }).ok());
      EXPECT_TRUE(file) << "the invitation's file is stored for " << message.to.user.Key();
      if (!file) continue;
      EXPECT_EQ(file->owner_key, message.to.user.Key()) << "each person's own copy";
      EXPECT_EQ(ref.size, static_cast<std::int64_t>(file->content.size()));
      found.push_back(Invitation{message.to.user, ref.id, message.message.PlainText(), ref.name, ref.media_type,
                                 ReadIcs(file->content)});
      EXPECT_THAT(found.back().ics.problems, IsEmpty());
    }
    return found;
  }

  // Both people got the same version; returns it (the mentee's copy).
  IcsObject BothGot(const std::vector<Invitation>& invitations) {
    EXPECT_EQ(invitations.size(), 2u);
    if (invitations.size() != 2) return {};
    EXPECT_EQ(invitations[0].to, mentee);
    EXPECT_EQ(invitations[1].to, mentor);
    EXPECT_EQ(invitations[0].ics.Text("SEQUENCE"), invitations[1].ics.Text("SEQUENCE"));
    EXPECT_EQ(invitations[0].ics.Text("DESCRIPTION"), invitations[1].ics.Text("DESCRIPTION"));
    return invitations[0].ics;
  }

  // The mentee proposes, the mentor confirms: the invitations that brings.
  std::vector<Invitation> Book(const std::string& when = "tomorrow 15:00") {
    bot.Say(mentee, "schedule " + when);
    bot.Say(mentor, "confirm");
    return NewInvitations();
  }

  std::int64_t last_seen_ = 0;
};

TEST_F(CalendarSyncTest, AConfirmedSessionGoesIntoBothCalendarsOnce) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  EXPECT_THAT(NewInvitations(), IsEmpty()) << "a proposal is not in anyone's calendar yet";
  bot.Say(mentor, "confirm");
  const auto invitations = NewInvitations();
  ASSERT_EQ(invitations.size(), 2u);
  const IcsObject ics = BothGot(invitations);
  const Session session = *OpenSession();
  EXPECT_EQ(ics.Text("METHOD"), "REQUEST");
  EXPECT_EQ(ics.Text("SEQUENCE"), "0");
  EXPECT_EQ(ics.Text("UID"), SessionEventUid(session));
  EXPECT_EQ(ics.Text("SUMMARY"), "Reverse mentoring: UMENTOR & UMENTEE");
  EXPECT_EQ(ics.Text("DTSTART"), "20261124T140000Z") << "15:00 in the mentee's Berlin";
  EXPECT_EQ(ics.Text("DTEND"), "20261124T144500Z") << "the rules' 45 minutes";
  EXPECT_EQ(ics.Find("ORGANIZER")->value, "mailto:grace@example.com");
  ASSERT_EQ(ics.All("ATTENDEE").size(), 2u);
  EXPECT_EQ(ics.All("ATTENDEE")[0]->value, "mailto:ada@example.com");
  EXPECT_THAT(ics.Text("DESCRIPTION"), HasSubstr("not set yet"));
  EXPECT_EQ(invitations[0].media_type, "text/calendar");
  EXPECT_EQ(invitations[0].file_name, "mentoring-session-2026-11-24.ics");
  EXPECT_THAT(invitations[0].text, AllOf(HasSubstr("Your session with"), HasSubstr("add it to your calendar")));
  EXPECT_THAT(invitations[0].text, Not(HasSubstr("profile set email"))) << "they have an email";

  EXPECT_THAT(bot.Say(mentor, "confirm"), HasSubstr("Already confirmed"));
  EXPECT_THAT(NewInvitations(), IsEmpty());
}

TEST_F(CalendarSyncTest, RescheduleMovesTheSameEventAndAReconfirmChangesNothing) {
  const std::string uid = BothGot(Book()).Text("UID");
  bot.Say(mentee, "reschedule tomorrow 17:30");
  const IcsObject moved = BothGot(NewInvitations());
  EXPECT_EQ(moved.Text("UID"), uid);
  EXPECT_EQ(moved.Text("METHOD"), "REQUEST");
  EXPECT_EQ(moved.Text("SEQUENCE"), "1");
  EXPECT_EQ(moved.Text("DTSTART"), "20261124T163000Z");
  bot.Say(mentor, "confirm");
  EXPECT_THAT(NewInvitations(), IsEmpty()) << "the calendars already show this time";
}

TEST_F(CalendarSyncTest, AgendaAndOffLimitsTopicsUpdateTheDescriptionButTakeawaysNeverAppear) {
  Book();
  bot.Say(mentee, "agenda How my team sees our hiring");
  const IcsObject with_agenda = BothGot(NewInvitations());
  EXPECT_EQ(with_agenda.Text("SEQUENCE"), "1");
  EXPECT_THAT(with_agenda.Text("DESCRIPTION"), HasSubstr("Agenda:\nHow my team sees our hiring"));
  bot.Say(mentor, "offlimits add my salary");
  const IcsObject with_topics = BothGot(NewInvitations());
  EXPECT_EQ(with_topics.Text("SEQUENCE"), "2");
  EXPECT_THAT(with_topics.Text("DESCRIPTION"), HasSubstr("Off-limits topics:\n- my salary"));
  bot.Say(mentee, "agenda How my team sees our hiring");
  EXPECT_THAT(NewInvitations(), IsEmpty()) << "the same agenda again changes nothing";

  bot.clock().Advance(std::chrono::hours(30));
  bot.Say(mentor, "met");
  bot.Say(mentee, "takeaways I will rewrite our job ads");
  EXPECT_THAT(NewInvitations(), IsEmpty()) << "holding the session and writing takeaways send nothing";
}

TEST_F(CalendarSyncTest, CancelTakesItOutWithTheSameUidAndAHigherSequence) {
  const std::string uid = BothGot(Book()).Text("UID");
  bot.Say(mentor, "cancel");
  const auto invitations = NewInvitations();
  ASSERT_EQ(invitations.size(), 2u);
  const IcsObject cancelled = BothGot(invitations);
  EXPECT_EQ(cancelled.Text("METHOD"), "CANCEL");
  EXPECT_EQ(cancelled.Text("STATUS"), "CANCELLED");
  EXPECT_EQ(cancelled.Text("UID"), uid);
  EXPECT_EQ(cancelled.Text("SEQUENCE"), "1");
  EXPECT_THAT(invitations[1].text, HasSubstr("take it out of your calendar"));
  EXPECT_EQ(cancelled.Find("DESCRIPTION"), nullptr);
  const IcsObject next = BothGot(Book("tomorrow 16:00"));
  EXPECT_NE(next.Text("UID"), uid) << "the next session is another event";
  EXPECT_EQ(next.Text("SEQUENCE"), "0");
}

TEST_F(CalendarSyncTest, ADeclinedProposalWasNeverInACalendarButADeclinedMoveIsTakenOut) {
  bot.Say(mentee, "schedule tomorrow 15:00");
  bot.Say(mentor, "decline busy");
  EXPECT_THAT(NewInvitations(), IsEmpty());
  Book("tomorrow 16:00");
  bot.Say(mentee, "reschedule tomorrow 18:00");
  EXPECT_EQ(BothGot(NewInvitations()).Text("SEQUENCE"), "1");
  bot.Say(mentor, "decline");
  const IcsObject cancelled = BothGot(NewInvitations());
  EXPECT_EQ(cancelled.Text("METHOD"), "CANCEL");
  EXPECT_EQ(cancelled.Text("SEQUENCE"), "2");
}

TEST_F(CalendarSyncTest, APauseAndAnUnpairTakeTheSessionOut) {
  Book();
  bot.Say(mentee, "pause 14");
  EXPECT_EQ(BothGot(NewInvitations()).Text("METHOD"), "CANCEL");

  bot.Say(mentee, "resume");
  EXPECT_EQ(BothGot(Book()).Text("METHOD"), "REQUEST");
  ASSERT_THAT(bot.Say(admin, "admin unpair <@UMENTEE>"), HasSubstr("nded"));
  const IcsObject cancelled = BothGot(NewInvitations());
  EXPECT_EQ(cancelled.Text("METHOD"), "CANCEL");
  EXPECT_EQ(cancelled.Text("SEQUENCE"), "1");
}

TEST_F(CalendarSyncTest, ForgetMeCancelsForThePartnerAndErasesTheFilesMadeForTheLeaver) {
  Book();
  bot.Say(mentee, "agenda My private worries");
  const auto booked = NewInvitations();
  ASSERT_EQ(booked.size(), 2u);
  bot.Say(mentee, "forget-me confirm");
  const auto after = NewInvitations();
  ASSERT_EQ(after.size(), 1u) << "what was queued to the leaver is dropped";
  EXPECT_EQ(after[0].to, mentor);
  EXPECT_EQ(after[0].ics.Text("METHOD"), "CANCEL");
  EXPECT_EQ(after[0].ics.Find("DESCRIPTION"), nullptr) << "the erased agenda does not travel in the cancellation";
  bool leaver_file = true, partner_file = false;
  ASSERT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
    leaver_file = tx.files().Find(booked[0].file_id).has_value();
    partner_file = tx.files().Find(booked[1].file_id).has_value();
  }).ok());
  EXPECT_FALSE(leaver_file) << "the invitation made for the leaver names them: erased";
  EXPECT_TRUE(partner_file);
}

TEST_F(CalendarSyncTest, WithoutEmailsTheFileIsAPlainEventAndThePeopleAreToldHowToAddOne) {
  bot.Say(mentor, "profile clear email");
  bot.Say(mentee, "profile clear email");
  const auto invitations = Book();
  ASSERT_EQ(invitations.size(), 2u);
  const IcsObject ics = BothGot(invitations);
  EXPECT_EQ(ics.Find("METHOD"), nullptr);
  EXPECT_EQ(ics.Find("ORGANIZER"), nullptr);
  EXPECT_EQ(ics.Text("STATUS"), "CONFIRMED");
  EXPECT_THAT(invitations[0].text, HasSubstr("profile set email"));

  bot.Say(mentee, "profile set email grace@example.com");
  const IcsObject named = BothGot(NewInvitations());
  EXPECT_EQ(named.Text("METHOD"), "REQUEST") << "setting an email sends the booked session again";
  EXPECT_EQ(named.Text("SEQUENCE"), "1");
  bot.Say(mentee, "profile set department Finance");
  EXPECT_THAT(NewInvitations(), IsEmpty()) << "nothing the event says changed";
  bot.Say(mentee, "profile clear email");
  NewInvitations();
  bot.Say(mentor, "cancel");
  const auto cancelled = NewInvitations();
  ASSERT_EQ(cancelled.size(), 2u);
  EXPECT_EQ(cancelled[0].ics.Find("METHOD"), nullptr);
  EXPECT_THAT(cancelled[0].text, HasSubstr("please delete it from your calendar")) << "a plain event cannot be removed by a file";
}

TEST_F(CalendarSyncTest, AnInvitationNobodyTookIsErasedADayAfterItsSession) {
  const auto invitations = Book();
  ASSERT_EQ(invitations.size(), 2u);
  Scheduler scheduler(bot.store(), EngineHarness::DefaultSettings());
  bot.clock().Advance(std::chrono::hours(24 + 29));  // the session ended 23 h 15 min ago
  auto early = scheduler.Tick(bot.clock().Now());
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->files_erased, 0);
  bot.clock().Advance(std::chrono::hours(1));
  auto late = scheduler.Tick(bot.clock().Now());
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late->files_erased, 2);
  bool any = true;
  ASSERT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
    any = tx.files().Find(invitations[0].file_id) || tx.files().Find(invitations[1].file_id);
  }).ok());
  EXPECT_FALSE(any);
  EXPECT_EQ(scheduler.Tick(bot.clock().Now(), /*dry_run=*/true)->files_erased, 0) << "a dry run erases nothing";
}

}  // namespace
}  // namespace mentorbot
