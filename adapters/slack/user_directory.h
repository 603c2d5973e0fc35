// SlackUserDirectory: a person's time zone and name from Slack's users.info
// (scope users:read).
// Thread-safety: Lookup may be called from several threads.
#pragma once

#include <string>

#include "adapters/common/http_client.h"
#include "bot/core/user_directory.h"

namespace mentorbot {

class SlackUserDirectory : public UserDirectory {
 public:
  // REQUIRES: client outlives the directory.
  SlackUserDirectory(std::string api_base_url, std::string bot_token, HttpClient& client);
  StatusOr<DirectoryProfile> Lookup(const UserRef& user) override;

 private:
  std::string api_base_url_;
  std::string bot_token_;
  HttpClient& client_;
};

}  // namespace mentorbot
