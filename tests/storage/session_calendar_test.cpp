// What calendars need from the store: each session's event as last sent
// (session_calendar) and people's email addresses, which forget-me erases.
#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"

namespace mentorbot {
namespace {

class SessionCalendarStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = SqliteStore::Open(dir.File("calendar.db"), SqliteStore::Options{2, 200});
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store = std::move(opened).value();
    Write([&](StoreTransaction& tx) {
      Person mentee;
      mentee.ref = UserRef{Platform::kSlack, "T1", "UE"};
      mentee.display_name = "Grace";
      mentee.profile.email = "grace@example.com";
      mentee.joined_at = TestEpoch();
      mentee_id = tx.people().Save(mentee);
      Person mentor = mentee;
      mentor.ref.user_id = "UM";
      mentor.role = Role::kMentor;
      Pair pair{0, tx.people().Save(mentor), mentee_id};
      pair.created_at = TestEpoch();
      Session session;
      session.pair_id = pair_id = tx.pairs().Save(pair);
      session.starts_at = TestEpoch() + std::chrono::hours(24);
      session.created_at = TestEpoch();
      session_id = tx.sessions().Save(session);
    });
  }
  void Write(const Store::Work& work) {
    Status status = store->Run(Store::Access::kWrite, work);
    ASSERT_TRUE(status.ok()) << status.message();
  }

  TempDir dir;
  std::unique_ptr<SqliteStore> store;
  std::int64_t mentee_id = 0, pair_id = 0, session_id = 0;
};

TEST_F(SessionCalendarStoreTest, TheLastVersionSentIsFoundAndReplaced) {
  Write([&](StoreTransaction& tx) {
    EXPECT_FALSE(tx.calendar().Find(session_id));
    tx.calendar().Save(SessionCalendarEntry{session_id, 0, "abc", false, TestEpoch()});
    tx.calendar().Save(SessionCalendarEntry{session_id, 1, "def", true, TestEpoch() + std::chrono::hours(1)});
    auto entry = tx.calendar().Find(session_id);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->sequence, 1);
    EXPECT_EQ(entry->fingerprint, "def");
    EXPECT_TRUE(entry->cancelled);
    EXPECT_EQ(entry->updated_at, TestEpoch() + std::chrono::hours(1));
  });
  Status orphan = store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    tx.calendar().Save(SessionCalendarEntry{session_id + 100, 0, "x", false, TestEpoch()});
  });
  EXPECT_FALSE(orphan.ok()) << "an entry belongs to a session that exists";
}

TEST_F(SessionCalendarStoreTest, AnEmailRoundTripsAndForgetMeErasesIt) {
  Write([&](StoreTransaction& tx) {
    EXPECT_EQ(tx.people().FindById(mentee_id)->profile.email, "grace@example.com");
    tx.people().Erase(mentee_id);
    EXPECT_EQ(tx.people().FindById(mentee_id)->profile.email, "");
  });
}

TEST_F(SessionCalendarStoreTest, TimeRequestsAreOneAPairDueInOrderAndErased) {
  const TimePoint at = TestEpoch() + std::chrono::minutes(5);
  Write([&](StoreTransaction& tx) {
    EXPECT_FALSE(tx.calendar().NextTimeRequestAt());
    tx.calendar().SaveTimeRequest(TimeRequest{pair_id, "schedule", 45, "graph", TestEpoch(), 0, at});
    tx.calendar().SaveTimeRequest(TimeRequest{pair_id, "reschedule", 60, "google", TestEpoch(), 2, at});
    EXPECT_EQ(tx.calendar().NextTimeRequestAt(), at);
    EXPECT_TRUE(tx.calendar().ListDueTimeRequests(at - std::chrono::seconds(1), 10).empty());
    const auto due = tx.calendar().ListDueTimeRequests(at, 10);
    ASSERT_EQ(due.size(), 1u);  // saving again replaced the pair's request
    EXPECT_EQ(due[0].verb, "reschedule");
    EXPECT_EQ(due[0].minutes, 60);
    EXPECT_EQ(due[0].provider, "google");
    EXPECT_EQ(due[0].requested_at, TestEpoch());
    EXPECT_EQ(due[0].attempts, 2);
    tx.calendar().EraseTimeRequest(pair_id);
    EXPECT_FALSE(tx.calendar().NextTimeRequestAt());
  });
  Status unknown_pair = store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    tx.calendar().SaveTimeRequest(TimeRequest{pair_id + 100, "schedule", 45, "graph", TestEpoch(), 0, TestEpoch()});
  });
  EXPECT_FALSE(unknown_pair.ok());
}

}  // namespace
}  // namespace mentorbot
