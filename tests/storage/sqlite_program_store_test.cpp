// The program's repositories on SQLite: pairs, sessions, terms, settings,
// admins, audit, and the outbox's leases between two processes.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "bot/core/message_codec.h"
#include "storage/sqlite_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"

namespace mentorbot {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

const DeliveryFilter kEveryone{{Platform::kSlack, Platform::kTeams, Platform::kConsole}, std::nullopt};

class SqliteProgramStoreTest : public ::testing::Test {
 protected:
  SqliteProgramStoreTest() {
    store = Open();
    Write([&](StoreTransaction& tx) {
      mentor = AddPerson(tx, "UM", Role::kMentor);
      mentee = AddPerson(tx, "UE", Role::kMentee);
    });
  }

  std::unique_ptr<SqliteStore> Open() {
    auto opened = SqliteStore::Open(dir.File("program.db"), SqliteStore::Options{2, 200});
    EXPECT_TRUE(opened.ok()) << opened.status().message();
    return std::move(opened).value();
  }
  void Write(const Store::Work& work, SqliteStore* on = nullptr) {
    Status status = (on ? on : store.get())->Run(Store::Access::kWrite, work);
    ASSERT_TRUE(status.ok()) << status.message();
  }
  static Person AddPerson(StoreTransaction& tx, const std::string& id, Role role) {
    Person person;
    person.ref = UserRef{Platform::kSlack, "T1", id};
    person.display_name = id;
    person.role = role;
    person.joined_at = TestEpoch();
    person.id = tx.people().Save(person);
    return person;
  }
  std::int64_t AddPair(StoreTransaction& tx) {
    Pair pair;
    pair.mentor_id = mentor.id;
    pair.mentee_id = mentee.id;
    pair.created_at = TestEpoch();
    return tx.pairs().Save(pair);
  }
  static Message Text(const std::string& text) {
    Message message;
    message.summary = text;
    message.sections.push_back(Section{RichText(text), {}, {}});
    return message;
  }

  TempDir dir;
  std::unique_ptr<SqliteStore> store;
  Person mentor, mentee;
};

TEST_F(SqliteProgramStoreTest, PairsSaveFindAndEnd) {
  Write([&](StoreTransaction& tx) {
    const auto id = AddPair(tx);
    auto open = tx.pairs().OpenPairOf(mentee.id);
    ASSERT_TRUE(open);
    EXPECT_EQ(open->id, id);
    EXPECT_EQ(open->mentor_id, mentor.id);
    EXPECT_EQ(tx.pairs().ListOpen().size(), 1u);
    open->state = PairState::kEnded;
    open->ended_at = TestEpoch() + hours(1);
    open->end_reason = "done";
    tx.pairs().Save(*open);
    EXPECT_FALSE(tx.pairs().OpenPairOf(mentor.id));
    EXPECT_EQ(tx.pairs().Find(id)->end_reason, "done");
  });
}

TEST_F(SqliteProgramStoreTest, AMentorMayHoldSeveralOpenPairsAndEveryPairIsRemembered) {
  Write([&](StoreTransaction& tx) {
    Person second = AddPerson(tx, "UE2", Role::kMentee);
    const auto first_id = AddPair(tx);
    Pair pair;
    pair.mentor_id = mentor.id;
    pair.mentee_id = second.id;
    pair.created_at = TestEpoch();
    const auto second_id = tx.pairs().Save(pair);
    auto open = tx.pairs().OpenPairsOf(mentor.id);
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].id, first_id);
    EXPECT_EQ(open[1].id, second_id);
    EXPECT_EQ(tx.pairs().OpenPairOf(mentor.id)->id, second_id) << "the newest";
    open[0].state = PairState::kEnded;
    tx.pairs().Save(open[0]);
    EXPECT_EQ(tx.pairs().OpenPairsOf(mentor.id).size(), 1u);
    EXPECT_EQ(tx.pairs().ListEverPaired().size(), 2u) << "ended pairs count as having met";
  });
}

TEST_F(SqliteProgramStoreTest, RosterEntriesAreReplacedByKeyAndDoNotPairIsUnordered) {
  Write([&](StoreTransaction& tx) {
    RosterEntry boss{"email:boss@example.com", "boss@example.com", "Boss", "Finance", 9, "", "Berlin",
                     "Europe/Berlin", std::nullopt, 1, TestEpoch()};
    tx.roster().Save(boss);
    RosterEntry mentor_entry{"slack:T1:UM", "", "Mentor", "Ops", 2, boss.key, "", "", Role::kMentor, 2, TestEpoch()};
    tx.roster().Save(mentor_entry);
    mentor_entry.manager = "";
    mentor_entry.capacity = 3;
    tx.roster().Save(mentor_entry);
    EXPECT_EQ(tx.roster().Count(), 2);
    auto found = tx.roster().Find("slack:T1:UM");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->capacity, 3);
    EXPECT_EQ(found->role, Role::kMentor);
    EXPECT_EQ(tx.roster().Find(boss.key)->level, 9);
    EXPECT_FALSE(tx.roster().Find(boss.key)->role);
    EXPECT_TRUE(tx.roster().ListManagers().empty()) << "re-import replaced the manager";

    EXPECT_TRUE(tx.roster().AddDoNotPair("slack:T1:UM", "slack:T1:UE", "admin", TestEpoch()));
    EXPECT_FALSE(tx.roster().AddDoNotPair("slack:T1:UE", "slack:T1:UM", "admin", TestEpoch())) << "same pair";
    ASSERT_EQ(tx.roster().ListDoNotPair().size(), 1u);
    EXPECT_EQ(tx.roster().ListDoNotPair()[0].first, "slack:T1:UE");
    EXPECT_TRUE(tx.roster().RemoveDoNotPair("slack:T1:UM", "slack:T1:UE"));
    EXPECT_TRUE(tx.roster().ListDoNotPair().empty());
    tx.roster().AddDoNotPair("slack:T1:UM", "slack:T1:UX", "admin", TestEpoch());
    EXPECT_EQ(tx.roster().EraseDoNotPairOf("slack:T1:UM"), 1);
    EXPECT_TRUE(tx.roster().Erase(boss.key));
    EXPECT_FALSE(tx.roster().Find(boss.key));

    tx.roster().KeepUpload("slack:T1:UA", RosterUpload{"a.csv", "first", TestEpoch()});
    tx.roster().KeepUpload("slack:T1:UA", RosterUpload{"b.csv", "second", TestEpoch()});
    auto upload = tx.roster().TakeUpload("slack:T1:UA");
    ASSERT_TRUE(upload);
    EXPECT_EQ(upload->file_name, "b.csv") << "the newest upload replaces the one before";
    EXPECT_FALSE(tx.roster().TakeUpload("slack:T1:UA")) << "taking removes it";
  });
}

TEST_F(SqliteProgramStoreTest, KeysByEmailJoinRosterRowsAndEnrolledPeopleButNeverEmailKeys) {
  Write([&](StoreTransaction& tx) {
    auto row = [](const std::string& key, const std::string& email) {
      return RosterEntry{key, email, key, "", std::nullopt, "", "", "", std::nullopt, 1, TestEpoch()};
    };
    tx.roster().Save(row("email:ana@x.com", "ana@x.com"));
    tx.roster().Save(row("teams:TEN:aad-ana", "ana@x.com"));
    tx.roster().Save(row("slack:T1:UM", "ana@x.com"));  // also enrolled: listed once
    tx.roster().Save(row("teams:TEN:aad-bo", "bo@x.com"));
    mentor.profile.email = "ana@x.com";
    tx.people().Save(mentor);
    mentee.profile.email = "eve@x.com";
    tx.people().Save(mentee);
    EXPECT_EQ(tx.roster().KeysByEmail("ana@x.com"), (std::vector<std::string>{"slack:T1:UM", "teams:TEN:aad-ana"}));
    EXPECT_EQ(tx.roster().KeysByEmail("eve@x.com"), (std::vector<std::string>{"slack:T1:UE"})) << "enrolled only";
    EXPECT_TRUE(tx.roster().KeysByEmail("").empty());
    EXPECT_EQ(tx.roster().ListEmailKeys().size(), 4u);
  });
}

TEST_F(SqliteProgramStoreTest, APersonsCapacityRoundTrips) {
  Write([&](StoreTransaction& tx) {
    Person person = *tx.people().FindById(mentor.id);
    EXPECT_EQ(person.capacity, 1);
    person.capacity = 3;
    tx.people().Save(person);
    EXPECT_EQ(tx.people().FindById(mentor.id)->capacity, 3);
  });
}

TEST_F(SqliteProgramStoreTest, AtMostOneOpenSessionPerPair) {
  Status second = store->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    Session session;
    session.pair_id = AddPair(tx);
    session.starts_at = TestEpoch() + hours(24);
    session.created_at = TestEpoch();
    tx.sessions().Save(session);
    tx.sessions().Save(session);  // a second proposed session for the same pair
  });
  EXPECT_FALSE(second.ok()) << "the schema refuses two open sessions";
}

TEST_F(SqliteProgramStoreTest, SessionsHeldCountedAndListedInOrder) {
  Write([&](StoreTransaction& tx) {
    const auto pair = AddPair(tx);
    for (int i = 0; i < 3; ++i) {
      Session session;
      session.pair_id = pair;
      session.state = SessionState::kHeld;
      session.starts_at = TestEpoch() + hours(24 * (3 - i));
      session.held_at = session.starts_at;
      session.takeaways = "notes " + std::to_string(i);
      session.created_at = TestEpoch();
      tx.sessions().Save(session);
    }
    EXPECT_EQ(tx.sessions().CountHeld(pair), 3);
    EXPECT_EQ(tx.sessions().LastHeld(pair)->takeaways, "notes 0") << "latest by start time";
    auto all = tx.sessions().ListForPair(pair);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_LT(all[0].starts_at, all[2].starts_at);
    tx.sessions().SaveFeedback(Feedback{all[0].id, mentor.id, 4, "good", TestEpoch()});
    tx.sessions().SaveFeedback(Feedback{all[0].id, mentor.id, 5, "better", TestEpoch()});
    EXPECT_EQ(tx.sessions().FindFeedback(all[0].id, mentor.id)->rating, 5);
    EXPECT_EQ(tx.sessions().EraseMenteeTexts(mentee.id), 3);
    EXPECT_TRUE(tx.sessions().LastHeld(pair)->takeaways.empty());
    EXPECT_EQ(tx.sessions().EraseFeedbackComments(mentor.id), 1);
  });
}

TEST_F(SqliteProgramStoreTest, OffLimitsAreCaseInsensitiveAndRulesAcceptedOnce) {
  Write([&](StoreTransaction& tx) {
    const auto pair = AddPair(tx);
    EXPECT_TRUE(tx.pairs().AddOffLimits(pair, "Compensation", mentee.id, TestEpoch()));
    EXPECT_FALSE(tx.pairs().AddOffLimits(pair, "compensation", mentor.id, TestEpoch()));
    EXPECT_TRUE(tx.pairs().AddOffLimits(pair, "Reorg", mentor.id, TestEpoch()));
    EXPECT_EQ(tx.pairs().ListOffLimits(pair), (std::vector<std::string>{"Compensation", "Reorg"}));
    EXPECT_TRUE(tx.pairs().RemoveOffLimits(pair, "REORG"));
    EXPECT_FALSE(tx.pairs().RemoveOffLimits(pair, "reorg"));
    EXPECT_EQ(tx.pairs().EraseOffLimitsAddedBy(mentee.id), 1);
    EXPECT_FALSE(tx.pairs().HasAcceptedRules(pair, mentee.id));
    tx.pairs().AcceptRules(pair, mentee.id, TestEpoch());
    tx.pairs().AcceptRules(pair, mentee.id, TestEpoch() + hours(1));
    EXPECT_TRUE(tx.pairs().HasAcceptedRules(pair, mentee.id));
  });
}

TEST_F(SqliteProgramStoreTest, SettingsAdminsAndAudit) {
  Write([&](StoreTransaction& tx) {
    auto& program = tx.program();
    EXPECT_FALSE(program.GetSetting("cadence_days"));
    program.SetSetting("cadence_days", "14");
    program.SetSetting("cadence_days", "28");
    EXPECT_EQ(program.GetSetting("cadence_days"), "28");
    const UserRef sam{Platform::kSlack, "T1", "USAM"};
    EXPECT_TRUE(program.AddAdmin(sam, "slack:T1:UADMIN", TestEpoch()));
    EXPECT_FALSE(program.AddAdmin(sam, "slack:T1:UADMIN", TestEpoch()));
    EXPECT_TRUE(program.IsAdmin(sam));
    EXPECT_EQ(program.ListAdmins().size(), 1u);
    EXPECT_TRUE(program.RemoveAdmin(sam));
    EXPECT_FALSE(program.IsAdmin(sam));
    program.Audit(AuditEntry{TestEpoch(), sam.Key(), "admin pair", "pair #1", true});
    program.Audit(AuditEntry{TestEpoch(), sam.Key(), "admin pair", "refused", false});
    auto recent = program.RecentAudit(5);
    ASSERT_EQ(recent.size(), 2u);
    EXPECT_FALSE(recent[0].allowed) << "newest first";
    EXPECT_EQ(program.EraseAuditActor(sam.Key()), 2);
    EXPECT_EQ(program.RecentAudit(1)[0].actor, "erased");
  });
}

TEST_F(SqliteProgramStoreTest, ErasingAPersonKeepsTheRowButNotTheIdentity) {
  Write([&](StoreTransaction& tx) {
    tx.people().Erase(mentee.id);
    EXPECT_FALSE(tx.people().Find(mentee.ref));
    auto erased = tx.people().FindById(mentee.id);
    ASSERT_TRUE(erased);
    EXPECT_EQ(erased->display_name, "former participant");
    EXPECT_EQ(erased->role, Role::kMentee);
  });
}

TEST_F(SqliteProgramStoreTest, OutboxQueuesEachKeyOnceAndRoundTripsTheMessage) {
  Write([&](StoreTransaction& tx) {
    Address to{mentor.ref, "", "", ""};
    EXPECT_TRUE(tx.outbox().Enqueue("k1", to, Text("hello <@x> & more"), TestEpoch(), TestEpoch()));
    EXPECT_FALSE(tx.outbox().Enqueue("k1", to, Text("again"), TestEpoch(), TestEpoch()));
    auto claimed = tx.outbox().ClaimDue(TestEpoch(), 10, seconds(60), kEveryone);
    ASSERT_EQ(claimed.size(), 1u);
    EXPECT_EQ(claimed[0].key, "k1");
    EXPECT_EQ(claimed[0].to.user, mentor.ref);
    EXPECT_EQ(claimed[0].message.PlainText(), "hello <@x> & more");
    EXPECT_EQ(claimed[0].attempts, 0);
  });
}

TEST_F(SqliteProgramStoreTest, OutboxLeasesKeepASecondProcessOffUntilTheLeaseEnds) {
  auto other_process = Open();
  Write([&](StoreTransaction& tx) {
    tx.outbox().Enqueue("k", Address{mentor.ref, "", "", ""}, Text("x"), TestEpoch(), TestEpoch());
  });
  std::vector<OutboundMessage> first, second, after_lease;
  Write([&](StoreTransaction& tx) { first = tx.outbox().ClaimDue(TestEpoch(), 10, seconds(60), kEveryone); });
  Write([&](StoreTransaction& tx) { second = tx.outbox().ClaimDue(TestEpoch(), 10, seconds(60), kEveryone); },
        other_process.get());
  EXPECT_EQ(first.size(), 1u);
  EXPECT_TRUE(second.empty()) << "leased by the first process";
  Write([&](StoreTransaction& tx) {
    EXPECT_EQ(tx.outbox().NextDue(kEveryone), TestEpoch() + seconds(60));
    after_lease = tx.outbox().ClaimDue(TestEpoch() + seconds(61), 10, seconds(60), kEveryone);
  }, other_process.get());
  ASSERT_EQ(after_lease.size(), 1u) << "a crashed claimer's message is taken again";
  EXPECT_EQ(after_lease[0].attempts, 1);
}

TEST_F(SqliteProgramStoreTest, OutboxRetryFailAndDeliveredStates) {
  Write([&](StoreTransaction& tx) {
    auto& outbox = tx.outbox();
    for (const char* key : {"a", "b", "c"}) outbox.Enqueue(key, Address{mentor.ref, "", "", ""}, Text(key), TestEpoch(), TestEpoch());
    auto claimed = outbox.ClaimDue(TestEpoch(), 10, seconds(60), kEveryone);
    ASSERT_EQ(claimed.size(), 3u);
    outbox.MarkDelivered(claimed[0].id, TestEpoch());
    outbox.MarkFailed(claimed[1].id, TestEpoch(), "user_not_found");
    outbox.MarkRetry(claimed[2].id, TestEpoch() + seconds(30), "http 500");
    EXPECT_TRUE(outbox.ClaimDue(TestEpoch() + seconds(29), 10, seconds(60), kEveryone).empty());
    EXPECT_EQ(outbox.NextDue(kEveryone), TestEpoch() + seconds(30));
    auto retried = outbox.ClaimDue(TestEpoch() + seconds(30), 10, seconds(60), kEveryone);
    ASSERT_EQ(retried.size(), 1u);
    EXPECT_EQ(retried[0].key, "c");
    EXPECT_EQ(retried[0].attempts, 1);
    const auto counts = outbox.Counts();
    EXPECT_EQ(counts.delivered, 1);
    EXPECT_EQ(counts.failed, 1);
    EXPECT_EQ(counts.pending, 1);
  });
}

TEST_F(SqliteProgramStoreTest, OutboxFiltersByPlatformAndRecipient) {
  const UserRef console_user{Platform::kConsole, "local", "alice"};
  Write([&](StoreTransaction& tx) {
    tx.outbox().Enqueue("slack", Address{mentor.ref, "", "", ""}, Text("s"), TestEpoch(), TestEpoch());
    tx.outbox().Enqueue("console", Address{console_user, "", "", ""}, Text("c"), TestEpoch(), TestEpoch());
    tx.outbox().Enqueue("console2", Address{UserRef{Platform::kConsole, "local", "bob"}, "", "", ""}, Text("c"),
                        TestEpoch(), TestEpoch());
    auto slack_only = tx.outbox().ClaimDue(TestEpoch(), 10, seconds(60), DeliveryFilter{{Platform::kSlack}, std::nullopt});
    ASSERT_EQ(slack_only.size(), 1u);
    EXPECT_EQ(slack_only[0].key, "slack");
    auto alice_only =
        tx.outbox().ClaimDue(TestEpoch(), 10, seconds(60), DeliveryFilter{{Platform::kConsole}, console_user});
    ASSERT_EQ(alice_only.size(), 1u);
    EXPECT_EQ(alice_only[0].key, "console");
    EXPECT_EQ(tx.outbox().DropPendingFor(UserRef{Platform::kConsole, "local", "bob"}), 1);
  });
}

TEST(MessageCodecTest, RoundTripsEverySpanFieldAndButton) {
  Message message;
  message.summary = "sum:mary 12:";
  RichText text;
  text.Text("a:b").Bold("bold").Code("code").Mention(UserRef{Platform::kSlack, "T1", "U1"}, "Sam")
      .Time(TestEpoch(), "Monday");
  message.sections.push_back(Section{text, {Field{"label", RichText("value\nline")}},
                                     {Button{"OK", "confirm", "12", Button::Style::kPrimary}}});
  auto decoded = DecodeMessage(EncodeMessage(message));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(EncodeMessage(*decoded), EncodeMessage(message));
  EXPECT_EQ(decoded->sections[0].text.spans()[3].user.Key(), "slack:T1:U1");
  EXPECT_EQ(decoded->sections[0].buttons[0].style, Button::Style::kPrimary);
}

TEST(MessageCodecTest, RoundTripsFormsWithChoicesPeoplePickersAndOptionalInputs) {
  Message message;
  Section section{RichText("Join"), {}, {}};
  section.form = Form{"join", "arg", "Join the program", "Join", {}};
  section.form->inputs.push_back(FormInput{"role", "Role", "Pick", "mentor", false, 10, FormInput::Kind::kChoice,
                                           {{"mentee", "Mentee: the leader"}, {"mentor", "Mentor"}}, true});
  section.form->inputs.push_back(FormInput{"manager", "Manager", "", "", false, 200, FormInput::Kind::kPerson, {}, false});
  message.sections.push_back(section);
  auto decoded = DecodeMessage(EncodeMessage(message));
  ASSERT_TRUE(decoded);
  const Form& form = *decoded->sections[0].form;
  ASSERT_EQ(form.inputs.size(), 2u);
  EXPECT_EQ(form.inputs[0].kind, FormInput::Kind::kChoice);
  ASSERT_EQ(form.inputs[0].choices.size(), 2u);
  EXPECT_EQ(form.inputs[0].choices[0].label, "Mentee: the leader");
  EXPECT_EQ(form.inputs[1].kind, FormInput::Kind::kPerson);
  EXPECT_FALSE(form.inputs[1].required);
  EXPECT_EQ(EncodeMessage(*decoded), EncodeMessage(message));
}

TEST(MessageCodecTest, RowsWrittenBeforeInputKindsStillDecode) {
  // Version 2 (forms, text inputs only), as queued by the previous release.
  const std::string version_2 =
      "19:mentorbot-message-21:s1:11:01:01:01:19:takeaways0:1:T4:Save1:14:text1:L0:0:1:14:4000";
  auto decoded = DecodeMessage(version_2);
  ASSERT_TRUE(decoded);
  const FormInput& input = decoded->sections[0].form->inputs.at(0);
  EXPECT_EQ(input.name, "text");
  EXPECT_EQ(input.max_length, 4000u);
  EXPECT_EQ(input.kind, FormInput::Kind::kText);
  EXPECT_TRUE(input.required);
}

TEST(MessageCodecTest, RejectsTruncatedOrForeignInput) {
  Message message;
  message.summary = "hello";
  const std::string encoded = EncodeMessage(message);
  for (std::size_t cut = 0; cut < encoded.size(); ++cut) EXPECT_FALSE(DecodeMessage(encoded.substr(0, cut))) << cut;
  EXPECT_FALSE(DecodeMessage("5:hello"));
  EXPECT_FALSE(DecodeMessage(encoded + "x"));
  EXPECT_FALSE(DecodeMessage("19:mentorbot-message-15:hello99999999999:"));
}

}  // namespace
}  // namespace mentorbot
