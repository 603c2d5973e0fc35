#include "tests/support/fake_google_calendar.h"

#include <openssl/pem.h>

#include <algorithm>
#include <stdexcept>

#include "adapters/common/form_decoding.h"
#include "adapters/teams/token_validator.h"
#include "tests/support/loopback_server.h"

namespace mentorbot {

namespace {
using nlohmann::json;
constexpr long long kTokenSeconds = 3599;  // what Google's token endpoint answers

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool HasScope(const std::string& scopes, const std::string& wanted) {
  const std::string padded = " " + scopes + " ";
  return padded.find(" " + wanted + " ") != std::string::npos;
}

bool Verifies(EVP_PKEY* key, const std::string& input, const std::string& signature) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  return EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
         EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
}

void Reply(httplib::Response& response, int status, const json& body) {
  response.status = status;
  if (!body.is_null()) response.set_content(body.dump(), "application/json; charset=UTF-8");
}
}  // namespace

FakeGoogleCalendar::FakeGoogleCalendar(std::string client_email, const std::string& public_key_pem,
                                       const Clock& clock)
    : client_email_(std::move(client_email)), clock_(clock) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(public_key_pem.data(), -1), BIO_free);
  EVP_PKEY* key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
  if (key == nullptr) throw std::runtime_error("fake Google: not a PEM public key");
  public_key_.reset(key, EVP_PKEY_free);
  server_.Post("/token", [this](const httplib::Request& request, httplib::Response& response) {
    Grant(request, response);
  });
  const std::string events = "/calendar/v3/calendars/primary/events";
  server_.Post(events, [this](const httplib::Request& q, httplib::Response& r) {
    Api(Route::kInsert, q, r, &FakeGoogleCalendar::Insert);
  });
  server_.Patch(events + "/([^/]+)", [this](const httplib::Request& q, httplib::Response& r) {
    Api(Route::kPatch, q, r, &FakeGoogleCalendar::Patch);
  });
  server_.Delete(events + "/([^/]+)", [this](const httplib::Request& q, httplib::Response& r) {
    Api(Route::kDelete, q, r, &FakeGoogleCalendar::Delete);
  });
  server_.Post("/calendar/v3/freeBusy", [this](const httplib::Request& q, httplib::Response& r) {
    Api(Route::kFreeBusy, q, r, &FakeGoogleCalendar::FreeBusy);
  });
  port_ = StartOnLoopback(server_, thread_, "fake Google Calendar");
}

FakeGoogleCalendar::~FakeGoogleCalendar() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void FakeGoogleCalendar::Grant(const httplib::Request& request, httplib::Response& response) {
  std::lock_guard lock(mutex_);
  const auto refuse = [&](int status, const std::string& error, const std::string& description) {
    refused_.push_back(error + ": " + description);
    Reply(response, status, {{"error", error}, {"error_description", description}});
  };
  if (auto fault = faults_.find(Route::kToken); fault != faults_.end() && !fault->second.empty()) {
    const Fault next = fault->second.front();
    fault->second.pop_front();
    return Reply(response, next.status, {{"error", next.reason}});
  }
  const auto form = DecodeForm(request.body);
  if (!form || form->Get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer") {
    return refuse(400, "unsupported_grant_type", "Invalid grant_type");
  }
  auto jwt = DecodeJwt(form->Get("assertion"));
  if (!jwt.ok()) return refuse(400, "invalid_grant", "Invalid JWT: " + jwt.status().message());
  if (jwt->header.value("alg", json()) != "RS256") return refuse(400, "invalid_grant", "Invalid JWT: alg");
  if (!Verifies(public_key_.get(), jwt->signing_input, jwt->signature)) {
    return refuse(400, "invalid_grant", "Invalid JWT Signature.");
  }
  const json& claims = jwt->payload;
  const long long now = clock_.Now().time_since_epoch().count();
  const json iat = claims.value("iat", json());
  const json exp = claims.value("exp", json());
  if (claims.value("iss", json()) != client_email_) return refuse(401, "invalid_client", "The OAuth client was not found.");
  if (claims.value("aud", json()) != token_url()) return refuse(400, "invalid_grant", "Invalid JWT: aud");
  if (!iat.is_number_integer() || !exp.is_number_integer() || iat.get<long long>() > now + 60 ||
      exp.get<long long>() <= now || exp.get<long long>() - iat.get<long long>() > 3600) {
    return refuse(400, "invalid_grant",
                  "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.");
  }
  const std::string scope = claims.value("scope", std::string());
  if (scope.empty()) return refuse(400, "invalid_scope", "Empty or missing scope not allowed.");
  const std::string sub = Lower(claims.value("sub", std::string()));
  if (std::find(mailboxes_.begin(), mailboxes_.end(), sub) == mailboxes_.end()) {
    return refuse(400, "invalid_grant", "Invalid email or User ID");
  }
  const std::string token = "ya29.fake-" + std::to_string(issued_to_.size() + 1);
  tokens_[token] = Token{sub, scope, clock_.Now() + std::chrono::seconds(kTokenSeconds)};
  issued_to_.push_back(sub);
  Reply(response, 200, {{"access_token", token}, {"expires_in", kTokenSeconds}, {"token_type", "Bearer"}});
}

void FakeGoogleCalendar::Api(Route route, const httplib::Request& request, httplib::Response& response,
                             Handler handler) {
  std::lock_guard lock(mutex_);
  Call call{route, request.path, {}, "", request.get_header_value("Authorization"),
            json::parse(request.body, nullptr, false)};
  for (const auto& [name, value] : request.params) call.query[name] = value;
  const auto token = call.authorization.rfind("Bearer ", 0) == 0 ? tokens_.find(call.authorization.substr(7))
                                                                   : tokens_.end();
  const bool valid = token != tokens_.end() && clock_.Now() < token->second.expires_at;
  if (valid) call.mailbox = token->second.sub;
  calls_.push_back(call);
  if (auto fault = faults_.find(route); fault != faults_.end() && !fault->second.empty()) {
    const Fault next = fault->second.front();
    fault->second.pop_front();
    if (next.retry_after >= 0) response.set_header("Retry-After", std::to_string(next.retry_after));
    return Reply(response, next.status, GoogleErrorBody(next.status, next.reason, "Injected fault"));
  }
  if (!valid) return Reply(response, 401, GoogleErrorBody(401, "authError", "Invalid Credentials"));
  const bool scoped = route == Route::kFreeBusy
                          ? HasScope(token->second.scope, "https://www.googleapis.com/auth/calendar.freebusy")
                          : HasScope(token->second.scope, "https://www.googleapis.com/auth/calendar.events");
  if (!scoped && !HasScope(token->second.scope, "https://www.googleapis.com/auth/calendar")) {
    return Reply(response, 403,
                 GoogleErrorBody(403, "insufficientPermissions", "Request had insufficient authentication scopes."));
  }
  const FakeGoogleEvents::Answer answer = (this->*handler)(request, call.mailbox);
  if (lose_answers_[route] > 0) {
    --lose_answers_[route];
    // Headers go out, then the connection is cut before the body: no answer.
    response.set_content_provider(
        64, "application/json", [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
    return;
  }
  Reply(response, answer.status, answer.body);
}

FakeGoogleEvents::Answer FakeGoogleCalendar::Insert(const httplib::Request& request, const std::string& mailbox) {
  return events_.Insert(mailbox, json::parse(request.body, nullptr, false),
                        request.get_param_value("conferenceDataVersion") == "1");
}

FakeGoogleEvents::Answer FakeGoogleCalendar::Patch(const httplib::Request& request, const std::string& mailbox) {
  return events_.Patch(mailbox, request.matches[1].str(), json::parse(request.body, nullptr, false),
                       request.get_param_value("conferenceDataVersion") == "1");
}

FakeGoogleEvents::Answer FakeGoogleCalendar::Delete(const httplib::Request& request, const std::string& mailbox) {
  return events_.Delete(mailbox, request.matches[1].str());
}

FakeGoogleEvents::Answer FakeGoogleCalendar::FreeBusy(const httplib::Request& request, const std::string&) {
  const json query = json::parse(request.body, nullptr, false);
  if (!query.is_object() || !query.value("timeMin", json()).is_string() || !query.value("timeMax", json()).is_string()) {
    return {400, GoogleErrorBody(400, "required", "Missing timeMin or timeMax.")};
  }
  json calendars = json::object();
  for (const auto& item : query.value("items", json::array())) {
    const std::string id = item.value("id", std::string());
    if (auto busy = busy_.find(Lower(id)); busy != busy_.end()) {
      calendars[id] = {{"busy", busy->second}};
    } else if (std::find(mailboxes_.begin(), mailboxes_.end(), Lower(id)) != mailboxes_.end()) {
      calendars[id] = {{"busy", json::array()}};
    } else {
      calendars[id] = {{"errors", {{{"domain", "global"}, {"reason", "notFound"}}}}, {"busy", json::array()}};
    }
  }
  return {200, {{"kind", "calendar#freeBusy"}, {"timeMin", query["timeMin"]}, {"timeMax", query["timeMax"]},
                {"calendars", calendars}}};
}

void FakeGoogleCalendar::AddMailbox(const std::string& email) {
  std::lock_guard lock(mutex_);
  mailboxes_.push_back(Lower(email));
}

void FakeGoogleCalendar::SetBusy(const std::string& email, json busy) {
  std::lock_guard lock(mutex_);
  busy_[Lower(email)] = std::move(busy);
}

void FakeGoogleCalendar::FailNext(Route route, int count, int status, int retry_after_seconds,
                                  const std::string& reason) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) faults_[route].push_back(Fault{status, retry_after_seconds, reason});
}

void FakeGoogleCalendar::LoseNextAnswers(Route route, int count) {
  std::lock_guard lock(mutex_);
  lose_answers_[route] += count;
}

std::vector<FakeGoogleCalendar::Call> FakeGoogleCalendar::Calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

std::vector<FakeGoogleCalendar::Call> FakeGoogleCalendar::Calls(Route route) const {
  std::vector<Call> calls = Calls();
  calls.erase(std::remove_if(calls.begin(), calls.end(), [&](const Call& call) { return call.route != route; }),
              calls.end());
  return calls;
}

std::vector<std::string> FakeGoogleCalendar::TokensIssuedTo() const {
  std::lock_guard lock(mutex_);
  return issued_to_;
}

std::vector<std::string> FakeGoogleCalendar::RefusedGrants() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

std::vector<json> FakeGoogleCalendar::Events(const std::string& mailbox) const {
  std::lock_guard lock(mutex_);
  return events_.Events(Lower(mailbox));
}

int FakeGoogleCalendar::conferences_made() const {
  std::lock_guard lock(mutex_);
  return events_.conferences_made();
}

json ServiceAccountKeyFile(const TestSigningKey& key, const std::string& client_email, const std::string& token_uri) {
  return {{"type", "service_account"},
          {"project_id", "mentorbot-test"},
          {"private_key_id", key.kid()},
          {"private_key", key.PrivateKeyPem()},
          {"client_email", client_email},
          {"client_id", "100000000000000000001"},
          {"auth_uri", "https://accounts.google.com/o/oauth2/auth"},
          {"token_uri", token_uri}};
}

}  // namespace mentorbot
