// FakeSlackServer: a stand-in for the Slack Web API on 127.0.0.1, for unit
// and integration tests. Answers conversations.open, chat.postMessage,
// chat.update (of a message it posted), views.open/update/publish (checking
// the target and the view's type and block count), interactions'
// response_urls, and file uploads (files.getUploadURLExternal, the upload
// URL, files.completeUploadExternal), and the workspace directory (auth.test,
// users.list, users.profile.get: see FakeSlackDirectory); checks the bearer token, records every call, and can be told to fail the
// next calls (429 with Retry-After, 5xx, "ok": false) or to be down.
// Thread-safety: all methods may be called while the server thread runs.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/fake_slack_directory.h"

namespace mentorbot {

class FakeSlackServer {
 public:
  struct Call {
    std::string method;
    std::string authorization;
    nlohmann::json body;
  };
  struct Fault {
    int http_status = 200;
    std::string slack_error;       // the "ok": false error when http_status is 200
    int retry_after_seconds = -1;  // a Retry-After header when >= 0
    std::string needed;            // with missing_scope: the scope Slack says is needed
  };

  // A file shared with files.completeUploadExternal.
  struct SharedFile {
    std::string channel;
    std::string title;
    std::string content;
    std::string comment;  // initial_comment
  };

  explicit FakeSlackServer(std::string expected_token);
  ~FakeSlackServer();
  FakeSlackServer(const FakeSlackServer&) = delete;
  FakeSlackServer& operator=(const FakeSlackServer&) = delete;

  // "http://127.0.0.1:<port>/api"
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/api"; }
  // A response_url as Slack would put in an interaction; calls to it are
  // recorded as method "response_url" with the body and its "url_path".
  std::string response_url(const std::string& id) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/response/" + id;
  }

  std::vector<Call> Calls(const std::string& method = "") const;
  // Bodies of the chat.postMessage calls that succeeded, in order.
  std::vector<nlohmann::json> PostedMessages() const;
  // The next `count` calls of `method` answer with `fault`.
  void FailNext(const std::string& method, int count, Fault fault);
  // users.info answers this time zone, name and (as with the users:read.email
  // scope) email for the user (else user_not_found).
  void SetProfile(const std::string& user_id, const std::string& tz, const std::string& display_name,
                  const std::string& email = "");
  // The members auth.test, users.list and users.profile.get answer.
  FakeSlackDirectory& directory() { return directory_; }
  // While down, every request gets 503.
  void SetDown(bool down);
  // A file files.info describes (as CSV when the name ends .csv) and
  // url_private_download serves, both only with the bot token.
  void AddFile(const std::string& id, const std::string& name, const std::string& content);
  // The next `count` chat.postMessage calls are accepted (posted) but the
  // answer is held back for `hold` — the sender is mid-dispatch meanwhile.
  void HoldAnswers(int count, std::chrono::milliseconds hold);
  std::vector<SharedFile> SharedFiles() const;
  // Waits until at least `count` messages were posted; false on timeout.
  bool WaitForPosted(std::size_t count, std::chrono::milliseconds timeout) const;
  // Waits until `method` was called at least `count` times; false on timeout.
  bool WaitForCalls(const std::string& method, std::size_t count, std::chrono::milliseconds timeout) const;

 private:
  void Handle(const std::string& method, const httplib::Request& request, httplib::Response& response);
  void History(const nlohmann::json& body, httplib::Response& response);
  void Update(const nlohmann::json& body, httplib::Response& response);
  void View(const std::string& method, const nlohmann::json& body, httplib::Response& response);
  void StartUpload(const nlohmann::json& body, httplib::Response& response);
  void CompleteUpload(const nlohmann::json& body, httplib::Response& response);

  std::string expected_token_;
  FakeSlackDirectory directory_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;

  mutable std::mutex mutex_;
  mutable std::condition_variable posted_changed_;
  std::vector<Call> calls_;
  std::vector<nlohmann::json> posted_;
  std::map<std::string, std::deque<Fault>> faults_;
  bool down_ = false;
  struct Profile {
    std::string tz, display_name, email;
  };
  std::map<std::string, Profile> profiles_;
  std::map<std::string, std::pair<std::string, std::string>> files_;  // id -> (name, content)
  struct Upload {
    std::string filename;
    std::size_t length = 0;
    std::optional<std::string> content;  // once uploaded
  };
  std::map<std::string, Upload> uploads_;  // file id -> upload
  std::vector<SharedFile> shared_;
  bool stopping_ = false;
  int holds_ = 0;
  std::chrono::milliseconds hold_{0};
  long long next_ts_ = 1000;
};

}  // namespace mentorbot
