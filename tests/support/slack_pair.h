// SlackPair: a mentee and a mentor of Slack workspace T1 brought into a
// running bot as real people would be — signed slash commands, the emails
// the fake Slack's users.info gives (what calendar invitations and calendar
// services need), an admin's `admin pair`, and the Confirm button of the
// proposal in the mentor's DM pressed as Slack posts a block action.
// Used by the integration tests that follow a session into calendars.
// Thread-safety: as FakeSlackServer; one test thread drives it.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/fake_slack_server.h"

namespace mentorbot {

struct SlackPerson {
  std::string user;  // "UMENTEE"; their DM with the bot is "D" + user
  std::string display_name;
  std::string time_zone;
  std::string email;  // what users.info gives
};

class SlackPair {
 public:
  static constexpr const char* kTeam = "T1";

  // REQUIRES: slack outlives this. `admin` must be an admin in the bot's config.
  SlackPair(FakeSlackServer& slack, std::string signing_secret, SlackPerson mentee, SlackPerson mentor,
            std::string admin = "UADMIN");

  // Makes users.info answer both people's profiles (before or after the bot starts).
  void SetProfiles() const;
  // The bot to talk to from now on.
  void Attach(int port) { port_ = port; }

  // `/mentor <text>` from `user`; the reply's body (expects 200).
  std::string Command(const std::string& user, const std::string& text) const;
  std::string Mentee(const std::string& text) const { return Command(mentee_.user, text); }
  std::string Mentor(const std::string& text) const { return Command(mentor_.user, text); }

  // Both join (their managers apart, so pairing them is allowed), the
  // directory sync brings both emails, and the admin pairs them. False
  // (with the test failed) when an email or the pairing never comes.
  bool EnrollAndPair() const;
  // Presses Confirm on the next proposal posted to the mentor's DM (one
  // this pair has not pressed yet), as Slack's block_actions payload;
  // false (with the test failed) when none came or the press was refused.
  bool ConfirmWithButton();

  const SlackPerson& mentee() const { return mentee_; }
  const SlackPerson& mentor() const { return mentor_; }

 private:
  // The (skip+1)-th message posted to `channel` that contains `needle`,
  // waiting up to kWait for it; null on timeout.
  nlohmann::json WaitForPosted(const std::string& channel, const std::string& needle, std::size_t skip) const;

  static constexpr std::chrono::seconds kWait{8};
  FakeSlackServer& slack_;
  std::string secret_;
  SlackPerson mentee_;
  SlackPerson mentor_;
  std::string admin_;
  int port_ = 0;
  std::size_t proposals_pressed_ = 0;
};

}  // namespace mentorbot
