// The Slack workspace the directory integration tests start from: team T1,
// the manager field Xf01MANAGER, UBOSS managing UMENTOR and UMENTEE (with
// emails and time zones), and a bot config with that directory on (no
// pause between users.list pages) and UADMIN as admin.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/bot_process.h"
#include "tests/support/fake_slack_server.h"

namespace mentorbot {

inline nlohmann::json SlackDirectoryWorkspace(FakeSlackServer& slack, const std::string& database_path) {
  slack.directory().SetTeam("T1");
  slack.directory().SetManagerFieldId("Xf01MANAGER");
  slack.directory().AddMembers({{"UBOSS", "Boss", "Boss", "boss@example.com", "America/New_York", "VP", ""},
                                {"UMENTOR", "Mentor", "Mentor", "mentor@example.com", "Europe/Lisbon", "Engineer", "UBOSS"},
                                {"UMENTEE", "Mentee", "Mentee", "mentee@example.com", "Asia/Tokyo", "Director", "UBOSS"}});
  nlohmann::json config = nlohmann::json::parse(TestConfigJson(database_path, {"slack:T1:UADMIN"}));
  config["slack"]["api_base_url"] = slack.base_url();
  config["directory"] = {{"slack", true}, {"slack_manager_field", "Xf01MANAGER"}, {"slack_page_pause_ms", 0}};
  return config;
}

}  // namespace mentorbot
