// What a session's calendar event says: names, agenda and off-limits topics,
// never takeaways; a cancellation says nothing of the content.
#include "bot/engine/calendar/session_event.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"

namespace mentorbot {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

struct Fixture {
  Person mentor, mentee;
  Session session;
  Fixture() {
    mentor.display_name = "Ada";
    mentor.profile.email = "ada@example.com";
    mentee.display_name = "Grace";
    mentee.profile.email = "grace@example.com";
    session.id = 7;
    session.created_at = TestEpoch();
    session.starts_at = TestEpoch() + std::chrono::hours(30);
    session.minutes = 60;
    session.state = SessionState::kConfirmed;
    session.agenda = "How my team sees our hiring";
    session.takeaways = "rewrite the job ads";
  }
};

TEST(SessionEventTest, TheDescriptionHoldsTheAgendaAndTopicsButNeverTakeaways) {
  Fixture f;
  const CalendarEvent event = SessionEvent(f.session, f.mentor, f.mentee, {"salaries", "reorgs"}, false);
  EXPECT_EQ(event.summary, "Reverse mentoring: Ada & Grace");
  EXPECT_THAT(event.description, AllOf(HasSubstr("How my team sees our hiring"), HasSubstr("- salaries\n- reorgs"),
                                       Not(HasSubstr("job ads"))));
  EXPECT_EQ(event.minutes, 60) << "the session's own length";
  EXPECT_EQ(event.organizer.email, "grace@example.com");
  ASSERT_EQ(event.attendees.size(), 2u);
  EXPECT_TRUE(event.attendees[0].accepted) << "the mentor confirmed";
}

TEST(SessionEventTest, ACancellationCarriesNoDescription) {
  Fixture f;
  const CalendarEvent event = SessionEvent(f.session, f.mentor, f.mentee, {"salaries"}, true);
  EXPECT_TRUE(event.cancelled);
  EXPECT_EQ(event.description, "") << "forget-me may have erased what it would say";
  EXPECT_EQ(event.uid, SessionEventUid(f.session));
}

TEST(SessionEventTest, TheUidStaysWhenTheSessionMovesAndDiffersPerSession) {
  Fixture f;
  const std::string uid = SessionEventUid(f.session);
  f.session.starts_at += std::chrono::hours(48);
  EXPECT_EQ(SessionEventUid(f.session), uid);
  f.session.id = 8;
  EXPECT_NE(SessionEventUid(f.session), uid);
  const CalendarEvent a = SessionEvent(f.session, f.mentor, f.mentee, {}, false);
  CalendarEvent b = a;
  b.attendees[0].accepted = !b.attendees[0].accepted;
  EXPECT_EQ(EventFingerprint(a), EventFingerprint(b)) << "a confirm alone changes no calendar";
  b.starts_at += std::chrono::minutes(30);
  EXPECT_NE(EventFingerprint(a), EventFingerprint(b));
}

}  // namespace
}  // namespace mentorbot
