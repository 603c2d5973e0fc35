// A program with a paired mentor and mentee (complete profiles, the mentee in
// Europe/Berlin), for transcript tests of the pair commands, plus a look into
// the outbox.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "tests/support/engine_harness.h"

namespace mentorbot {

class ProgramTest : public ::testing::Test {
 protected:
  explicit ProgramTest(ProgramSettings settings = EngineHarness::DefaultSettings()) : bot(std::move(settings)) {}

  void SetUp() override {
    Enrol(mentor, "join mentor", "none");
    Enrol(mentee, "join mentee", "<@UBOSS>");
    bot.Say(mentee, "profile set timezone Europe/Berlin");
    ASSERT_THAT(bot.Say(admin, "admin pair <@UMENTOR> <@UMENTEE>"), ::testing::HasSubstr("Paired"));
  }

  void Enrol(const UserRef& who, const std::string& join, const std::string& manager) {
    bot.Say(who, join);
    for (const std::string& line : {"profile set department " + who.user_id, std::string("profile set level 3"),
                                    "profile set manager " + manager, std::string("profile set timezone UTC")}) {
      bot.Say(who, line);
    }
  }

  // Every message queued so far (claimed for inspection: claiming leases them).
  std::vector<OutboundMessage> Queued() {
    std::vector<OutboundMessage> all;
    const DeliveryFilter everyone{{Platform::kSlack, Platform::kTeams, Platform::kConsole}, std::nullopt};
    Status status = bot.store().Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
      all = tx.outbox().ClaimDue(bot.clock().Now() + std::chrono::hours(24 * 3650), 10000, std::chrono::seconds(0), everyone);
    });
    EXPECT_TRUE(status.ok());
    return all;
  }
  // The texts of queued messages to `who`.
  std::vector<std::string> QueuedTo(const UserRef& who) {
    std::vector<std::string> texts;
    for (const auto& message : Queued()) {
      if (message.to.user == who) texts.push_back(message.message.PlainText());
    }
    return texts;
  }
  std::optional<Session> OpenSession() {
    std::optional<Session> session;
    EXPECT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) {
      auto pair = tx.pairs().ListOpen();
      if (!pair.empty()) session = tx.sessions().OpenSessionOf(pair.front().id);
    }).ok());
    return session;
  }

  EngineHarness bot;
  const UserRef mentor = EngineHarness::SlackUser("UMENTOR");
  const UserRef mentee = EngineHarness::SlackUser("UMENTEE");
  const UserRef admin = EngineHarness::SlackUser("UADMIN");
  const UserRef outsider = EngineHarness::SlackUser("UOUTSIDER");
};

}  // namespace mentorbot
