// SlackDirectory: the members of a Slack workspace as a DirectorySource.
// auth.test names the workspace (team_id); a full read lists everyone with
// users.list (cursor pages of 200); the manager comes from a custom profile
// field of type "user" (config directory.slack_manager_field), which only
// users.profile.get carries, so it is read one call per watched person and
// followed up the chain (each manager found is read too, once; at most
// max_chain_depth steps). Slack has no change tracking, and sends no
// user_change when a custom field changes: an incremental read is only
// those manager fields (no users.list), which the schedule re-reads.
// Bots and the Slackbot are left out of `people` (never synced).
// Paced for Slack's rate limits: users.list is Tier 2 (20+ per minute),
// users.profile.get Tier 4 (100+ per minute); a fixed pause between calls
// of each, and HTTP 429 (or "ok": false ratelimited) sleeps for its
// Retry-After and retries, up to max_retries, then Unavailable.
// invalid_auth, not_authed, missing_scope and other token errors are
// PermissionDenied (the scopes: users:read, users:read.email,
// users.profile:read). Read methods are form-encoded POSTs with the token in
// the Authorization header.
// Thread-safety: Read is called from one thread at a time (see
// DirectorySource); the object holds no state between reads.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/common/http_client.h"
#include "bot/core/directory_source.h"

namespace mentorbot {

struct SlackDirectoryOptions {
  // The custom profile field holding the manager ("Xf0123ABCD"); empty = no
  // manager from Slack (manager_id stays nullopt: what the program knew stays).
  std::string manager_field;
  std::chrono::milliseconds page_pause{3000};     // between users.list pages (Tier 2)
  std::chrono::milliseconds profile_pause{600};   // between users.profile.get calls (Tier 4)
  int max_retries = 5;                            // per call, on 429 / ratelimited
  int page_limit = 200;                           // users.list limit (Slack: "no more than 200")
  int max_chain_depth = 64;                       // manager steps followed from one watched person
  // How the source waits (the pauses, Retry-After); null = this_thread::sleep_for.
  std::function<void(std::chrono::milliseconds)> sleep;
};

class SlackDirectory : public DirectorySource {
 public:
  // REQUIRES: client outlives the directory. The token is never logged or
  // put in an error.
  SlackDirectory(std::string api_base_url, std::string bot_token, HttpClient& client,
                 SlackDirectoryOptions options = {});
  SlackDirectory(const SlackDirectory&) = delete;
  SlackDirectory& operator=(const SlackDirectory&) = delete;

  std::string name() const override { return "slack"; }
  StatusOr<DirectoryRead> Read(const DirectoryRequest& request, const DirectoryProgress& progress) override;

 private:
  // One Web API call with its retries on rate limiting; the answer when
  // "ok": true. NotFound for user_not_found.
  StatusOr<nlohmann::json> Call(const std::string& method, const std::string& form, DirectoryRead& read);
  Status ListUsers(DirectoryRead& read, const DirectoryProgress& progress);
  Status ReadManagers(const DirectoryRequest& request, DirectoryRead& read, const DirectoryProgress& progress);
  void Sleep(std::chrono::milliseconds pause) const;

  std::string api_base_url_;
  std::string bot_token_;
  HttpClient& client_;
  SlackDirectoryOptions options_;
};

}  // namespace mentorbot
