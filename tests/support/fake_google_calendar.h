// FakeGoogleCalendar: Google's side of the calendar integration on
// 127.0.0.1 for tests. The OAuth token endpoint plays the JWT-bearer grant
// as Google does: the assertion's RS256 signature is checked with the
// service account's public key, then iss, aud (this token URL), a scope
// list, iat/exp against the test's clock (at most an hour apart) and sub, a
// mailbox of the domain (else 400 invalid_grant); each token acts for its
// sub and expires after 3599 s. The Calendar API v3 routes (events insert,
// patch, delete on calendars/primary; freeBusy) act in the token's mailbox
// (FakeGoogleEvents keeps the calendars) and need the matching scope.
// Faults: the next N calls of a route answer a status (with Retry-After
// and an error reason), or do the work and then lose the answer (the
// connection is cut). Records every API call.
// Thread-safety: all methods may be called while the server thread runs.
#pragma once

#include <httplib.h>
#include <openssl/evp.h>

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "bot/core/clock.h"
#include "tests/support/fake_google_events.h"
#include "tests/support/jwt_minting.h"

namespace mentorbot {

class FakeGoogleCalendar {
 public:
  enum class Route { kToken, kInsert, kPatch, kDelete, kFreeBusy };
  struct Call {
    Route route;
    std::string path;                          // "/calendar/v3/calendars/primary/events/abc12"
    std::map<std::string, std::string> query;  // conferenceDataVersion, sendUpdates, …
    std::string mailbox;                       // the token's sub; "" when the token was not valid
    std::string authorization;
    nlohmann::json body;
  };

  // Trusts assertions from `client_email` signed by the key whose public
  // half is `public_key_pem`; `clock` is the time iat and exp are checked
  // against. REQUIRES: clock outlives this.
  FakeGoogleCalendar(std::string client_email, const std::string& public_key_pem, const Clock& clock);
  ~FakeGoogleCalendar();
  FakeGoogleCalendar(const FakeGoogleCalendar&) = delete;
  FakeGoogleCalendar& operator=(const FakeGoogleCalendar&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string token_url() const { return base_url() + "/token"; }
  std::string api_base_url() const { return base_url() + "/calendar/v3"; }

  // A user of the domain the account may act for (domain-wide delegation).
  void AddMailbox(const std::string& email);
  // What freeBusy answers for `email`: [{"start": …, "end": …}] as Google
  // writes them. Emails neither set here nor added get an "errors" entry.
  void SetBusy(const std::string& email, nlohmann::json busy);
  // The next `count` calls of `route` answer `status` with `reason`.
  void FailNext(Route route, int count, int status, int retry_after_seconds = -1,
                const std::string& reason = "backendError");
  // The next `count` calls of `route` are done, then their answer is lost.
  void LoseNextAnswers(Route route, int count = 1);

  std::vector<Call> Calls() const;  // API calls (not the token endpoint), in order
  std::vector<Call> Calls(Route route) const;
  std::vector<std::string> TokensIssuedTo() const;  // the sub of each token issued, in order
  std::vector<std::string> RefusedGrants() const;   // why each refused assertion was refused
  // The mailbox's primary calendar, cancelled events too.
  std::vector<nlohmann::json> Events(const std::string& mailbox) const;
  int conferences_made() const;

 private:
  struct Token {
    std::string sub;
    std::string scope;
    TimePoint expires_at;
  };
  struct Fault {
    int status;
    int retry_after;
    std::string reason;
  };
  using Handler = FakeGoogleEvents::Answer (FakeGoogleCalendar::*)(const httplib::Request&, const std::string&);

  void Grant(const httplib::Request& request, httplib::Response& response);
  // Faults, token and scope checks around `handler`.  REQUIRES: mutex_ not held.
  void Api(Route route, const httplib::Request& request, httplib::Response& response, Handler handler);
  FakeGoogleEvents::Answer Insert(const httplib::Request& request, const std::string& mailbox);
  FakeGoogleEvents::Answer Patch(const httplib::Request& request, const std::string& mailbox);
  FakeGoogleEvents::Answer Delete(const httplib::Request& request, const std::string& mailbox);
  FakeGoogleEvents::Answer FreeBusy(const httplib::Request& request, const std::string& mailbox);

  std::string client_email_;
  std::shared_ptr<EVP_PKEY> public_key_;
  const Clock& clock_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;

  mutable std::mutex mutex_;
  std::vector<std::string> mailboxes_;  // lower-cased
  std::map<std::string, nlohmann::json> busy_;
  std::map<std::string, Token> tokens_;  // by access token
  std::vector<std::string> issued_to_;
  std::vector<std::string> refused_;
  std::map<Route, std::deque<Fault>> faults_;
  std::map<Route, int> lose_answers_;
  std::vector<Call> calls_;
  FakeGoogleEvents events_;
};

// A service account key file as the Cloud console gives it, for `key`.
nlohmann::json ServiceAccountKeyFile(const TestSigningKey& key, const std::string& client_email,
                                     const std::string& token_uri);

}  // namespace mentorbot
