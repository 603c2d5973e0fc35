// FakeGraphServer: Microsoft Graph's calendar and users and the Microsoft identity
// platform's token endpoint on 127.0.0.1 for tests. The token endpoint
// (POST /{tenant}/oauth2/v2.0/token) checks the tenant, the grant, the app's
// id and secret and the Graph scope exactly, and issues random bearer tokens
// (expires_in 3599); the calendar routes (/v1.0/users/{mailbox}/events…,
// /calendar/getSchedule) accept only those tokens and keep their state in
// FakeGraphMailboxes; the users routes (/v1.0/users/delta,
// /users/{id}/mailboxSettings/timeZone) keep theirs in FakeGraphUsers. Faults: the next calls to a route answer a status
// (with Retry-After), or do their work and lose the answer (the connection
// is cut), and issued tokens can be revoked. Records every call.
// Thread-safety: all methods may be called while the server thread runs.
#pragma once

#include <httplib.h>

#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/fake_graph_mailboxes.h"
#include "tests/support/fake_graph_users.h"

namespace mentorbot {

class FakeGraphServer {
 public:
  enum class Route { kToken, kCreate, kGet, kPatch, kCancel, kSchedule, kUsersDelta, kMailboxSettings };
  struct Call {
    Route route;
    std::string path;           // as sent, e.g. "/v1.0/users/mentee@contoso.com/events"
    std::string authorization;  // the Authorization header
    std::string prefer;         // the Prefer header
    nlohmann::json body;        // the parsed request (null for GET and forms)
    std::map<std::string, std::string> query;  // the decoded query parameters ("$select", "$skiptoken")
  };
  using Event = FakeGraphMailboxes::Event;
  using BusyBlock = FakeGraphMailboxes::BusyBlock;

  FakeGraphServer(std::string tenant_id, std::string client_id, std::string client_secret);
  ~FakeGraphServer();
  FakeGraphServer(const FakeGraphServer&) = delete;
  FakeGraphServer& operator=(const FakeGraphServer&) = delete;

  std::string login_base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string api_base_url() const { return login_base_url() + "/v1.0"; }

  // The next `count` calls to `route` answer `status` (with Retry-After when >= 0) and change nothing.
  void FailNext(Route route, int count, int status, int retry_after_seconds = -1);
  // The next `count` calls to `route` do their work, then the answer is lost.
  void LoseNextAnswer(Route route, int count = 1);
  // Every token issued so far is refused from now on (401), as after expiry.
  void RevokeTokens();

  void SetBusy(const std::string& email, std::vector<BusyBlock> blocks);
  void SetUnreadable(const std::string& email);
  // The organizer deletes the event in Outlook; false when there is none.
  bool DeleteEvent(const std::string& mailbox, const std::string& id);
  // Every event of the mailbox (deleted ones flagged), in creation order.
  std::vector<Event> Events(const std::string& mailbox) const;

  // Runs `change(users)` on the directory's state under the server's lock:
  // seeding, then the changes the next delta round shows.
  template <typename Change>
  void WithUsers(Change change) {
    std::lock_guard lock(mutex_);
    change(users_);
  }

  int token_requests() const;
  int calls(Route route) const;
  std::vector<Call> Calls() const;

 private:
  struct Fault {
    int status = 0;  // 0: lose the answer after doing the work
    int retry_after = -1;
  };
  void Token(const httplib::Request& request, httplib::Response& response);
  // Records the call, applies a fault or refuses a token; then `work` answers.
  template <typename Work>
  void Serve(Route route, const httplib::Request& request, httplib::Response& response, Work work);

  std::string tenant_id_;
  std::string client_id_;
  std::string client_secret_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;

  mutable std::mutex mutex_;
  FakeGraphMailboxes mailboxes_;
  FakeGraphUsers users_;
  std::set<std::string> tokens_;  // accepted bearer tokens
  std::vector<Call> calls_;
  std::map<Route, std::deque<Fault>> faults_;
};

}  // namespace mentorbot
