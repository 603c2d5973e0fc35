#include "tests/support/slack_pair.h"

#include <gtest/gtest.h>

#include <cctype>

#include "tests/support/fixtures.h"
#include "tests/support/slack_signing.h"
#include "tests/support/wait_until.h"

namespace mentorbot {

using nlohmann::json;

SlackPair::SlackPair(FakeSlackServer& slack, std::string signing_secret, SlackPerson mentee, SlackPerson mentor,
                     std::string admin)
    : slack_(slack), secret_(std::move(signing_secret)), mentee_(std::move(mentee)), mentor_(std::move(mentor)),
      admin_(std::move(admin)) {}

void SlackPair::SetProfiles() const {
  for (const SlackPerson* person : {&mentee_, &mentor_}) {
    slack_.SetProfile(person->user, person->time_zone, person->display_name, person->email);
  }
}

std::string SlackPair::Command(const std::string& user, const std::string& text) const {
  auto result = PostSlashCommand(port_, secret_, kTeam, user, text);
  EXPECT_EQ(result.status, 200) << user << ": " << text;
  return result.body;
}

bool SlackPair::EnrollAndPair() const {
  Mentor("join mentor");
  Mentor("profile set manager none");
  Mentee("join mentee");
  Mentee("profile set manager <@UBOSS|boss>");
  // The directory sync runs beside the commands (woken by the joins); the
  // profile shows the email once users.info's answer is stored. Slack's
  // addresses may have capitals: the bot keeps them lower case.
  for (const SlackPerson* person : {&mentee_, &mentor_}) {
    std::string email = person->email;
    for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool synced = WaitUntil([&] { return Command(person->user, "profile").find(email) != std::string::npos; },
                                  std::chrono::milliseconds(kWait));
    if (!synced) {
      ADD_FAILURE() << "the directory sync never brought " << email;
      return false;
    }
  }
  const std::string paired = Command(admin_, "admin pair <@" + mentor_.user + "|m> <@" + mentee_.user + "|e>");
  if (paired.find("Paired") == std::string::npos) {
    ADD_FAILURE() << "admin pair: " << paired;
    return false;
  }
  return true;
}

json SlackPair::WaitForPosted(const std::string& channel, const std::string& needle, std::size_t skip) const {
  json found;
  WaitUntil(
      [&] {
        std::size_t seen = 0;
        for (const json& posted : slack_.PostedMessages()) {
          if (posted.value("channel", "") != channel || posted.dump().find(needle) == std::string::npos) continue;
          if (seen++ == skip) {
            found = posted;
            return true;
          }
        }
        return false;
      },
      std::chrono::milliseconds(kWait));
  return found;
}

bool SlackPair::ConfirmWithButton() {
  const std::string channel = "D" + mentor_.user;
  const json proposal = WaitForPosted(channel, "confirm#", proposals_pressed_);
  if (proposal.is_null()) {
    ADD_FAILURE() << "no new proposal with a Confirm button reached " << channel;
    return false;
  }
  ++proposals_pressed_;
  // The button as the renderer made it: its action id and the session it names.
  json button;
  for (const json& block : proposal.at("blocks")) {
    if (block.at("type") != "actions") continue;
    for (const json& element : block.at("elements")) {
      if (element.value("action_id", "").rfind("confirm#", 0) == 0) button = element;
    }
  }
  if (button.is_null()) {
    ADD_FAILURE() << "no Confirm button in " << proposal.dump();
    return false;
  }
  json press = json::parse(ReadFixture("slack_block_actions.json"));
  press["user"]["id"] = mentor_.user;
  press["actions"][0]["action_id"] = button.at("action_id");
  press["actions"][0]["value"] = button.at("value");
  press["container"] = {{"type", "message"}, {"message_ts", proposal.at("ts")}, {"channel_id", channel},
                        {"is_ephemeral", false}};
  press["channel"]["id"] = channel;
  press["trigger_id"] = "trigger-confirm-" + std::to_string(proposals_pressed_);
  // Slack \u-escapes everything beyond ASCII, then form-encodes.
  const auto result = PostSigned(port_, secret_, "/slack/interactions",
                                 FormEncode({{"payload", press.dump(-1, ' ', /*ensure_ascii=*/true)}}),
                                 "application/x-www-form-urlencoded");
  if (result.status != 200) {
    ADD_FAILURE() << "the Confirm press got " << result.status << ": " << result.body;
    return false;
  }
  return true;
}

}  // namespace mentorbot
