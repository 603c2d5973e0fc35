// FakeBotFramework: Microsoft's side of a Teams bot on 127.0.0.1 for tests —
// the OpenID metadata and JWKS (token signing keys), the OAuth token
// endpoint (client-credentials grant) and the connector REST API
// (create conversation, send activity). Records every connector call,
// checks the bearer token it issued, and can be told to fail or be down.
// Thread-safety: all methods may be called while the server thread runs.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <nlohmann/json.hpp>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace mentorbot {

class FakeBotFramework {
 public:
  struct Call {
    std::string path;           // e.g. "/teams/v3/conversations/a:1/activities"
    std::string authorization;  // the Authorization header as sent
    nlohmann::json body;
  };

  // Issues tokens only for this app id and password.
  FakeBotFramework(std::string app_id, std::string app_password);
  ~FakeBotFramework();
  FakeBotFramework(const FakeBotFramework&) = delete;
  FakeBotFramework& operator=(const FakeBotFramework&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string metadata_url() const { return base_url() + "/v1/.well-known/openidconfiguration"; }
  std::string token_url() const { return base_url() + "/oauth2/v2.0/token"; }
  std::string service_url() const { return base_url() + "/teams/"; }

  void SetKeys(nlohmann::json jwks_keys);  // what /v1/keys serves
  int metadata_requests() const;
  int jwks_requests() const;
  int token_requests() const;

  // Connector calls (conversations and activities), in order.
  std::vector<Call> ConnectorCalls() const;
  // Activities accepted by the connector, in order.
  std::vector<Call> Activities() const;
  // Waits until at least `count` activities were accepted; false on timeout.
  bool WaitForActivities(std::size_t count, std::chrono::milliseconds timeout) const;
  // The next `count` connector calls answer `status` (with Retry-After when >= 0).
  void FailNext(int count, int status, int retry_after_seconds = -1);
  // While down, every request gets 503.
  void SetDown(bool down);
  // Serves `content` at the returned URL under the service url, as Teams'
  // pre-authenticated file download URLs are served (no credentials).
  std::string AddFile(const std::string& id, const std::string& content);
  // An upload URL under the service url, as Teams gives in a file consent's
  // uploadInfo: PUTs to it are kept (no credentials, Content-Range checked).
  std::string UploadUrl(const std::string& id) const { return service_url() + "uploads/" + id; }
  // What was PUT to UploadUrl(id), if anything.
  std::optional<std::string> Uploaded(const std::string& id) const;
  // GET /v3/conversations/{id}/members/{member} answers `account` (a
  // TeamsChannelAccount) for this member id ("29:…" or the AAD object id),
  // with a token issued here; other members get 404.
  void SetMember(const std::string& member_id, nlohmann::json account);

 private:
  void Connector(const httplib::Request& request, httplib::Response& response);
  void Token(const httplib::Request& request, httplib::Response& response);
  void Member(const httplib::Request& request, httplib::Response& response);
  bool KnownToken(const std::string& authorization) const;  // REQUIRES: mutex_ held

  std::map<std::string, std::string> files_;  // id -> content
  std::map<std::string, std::string> uploads_;  // id -> content PUT
  std::map<std::string, nlohmann::json> members_;  // member id -> account
  std::string app_id_;
  std::string app_password_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  nlohmann::json keys_ = nlohmann::json::array();
  int metadata_requests_ = 0;
  int jwks_requests_ = 0;
  int token_requests_ = 0;
  std::vector<std::string> issued_tokens_;
  std::vector<Call> connector_calls_;
  std::vector<Call> activities_;
  std::deque<std::pair<int, int>> faults_;  // status, retry-after
  bool down_ = false;
  bool stopping_ = false;
};

}  // namespace mentorbot
