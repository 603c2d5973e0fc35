#include "tests/support/fake_graph_server.h"

#include <algorithm>
#include <optional>
#include <random>

#include "adapters/common/form_decoding.h"
#include "tests/support/loopback_server.h"

namespace mentorbot {

namespace {
using nlohmann::json;

void Reply(httplib::Response& response, int status, const json& body) {
  response.status = status;
  if (!body.is_null()) response.set_content(body.dump(), "application/json; charset=utf-8");
}

// Graph's error code for an injected status.
std::string CodeFor(int status) {
  switch (status) {
    case 401: return "InvalidAuthenticationToken";
    case 403: return "ErrorAccessDenied";
    case 404: return "ErrorItemNotFound";
    case 429: return "ApplicationThrottled";
    case 503: return "ServiceNotAvailable";
    default: return status >= 500 ? "generalException" : "ErrorInvalidRequest";
  }
}

std::string RandomToken() {
  std::random_device random;
  std::string token = "eyJ0eXAiOiJKV1Qi.";
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 40; ++i) token += kHex[random() % 16];
  return token;
}
}  // namespace

FakeGraphServer::FakeGraphServer(std::string tenant_id, std::string client_id, std::string client_secret)
    : tenant_id_(std::move(tenant_id)), client_id_(std::move(client_id)), client_secret_(std::move(client_secret)),
      mailboxes_(tenant_id_) {
  server_.Post(R"(/([^/]+)/oauth2/v2\.0/token)",
               [this](const httplib::Request& request, httplib::Response& response) { Token(request, response); });
  server_.Post(R"(/v1\.0/users/([^/]+)/events)", [this](const httplib::Request& request, httplib::Response& response) {
    Serve(Route::kCreate, request, response, [&](const json& body) { return mailboxes_.Create(request.matches[1], body); });
  });
  server_.Get(R"(/v1\.0/users/([^/]+)/events/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
    Serve(Route::kGet, request, response, [&](const json&) {
      return mailboxes_.Get(request.matches[1], request.matches[2], request.get_param_value("$select"));
    });
  });
  server_.Patch(R"(/v1\.0/users/([^/]+)/events/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
    Serve(Route::kPatch, request, response,
          [&](const json& body) { return mailboxes_.Patch(request.matches[1], request.matches[2], body); });
  });
  server_.Post(R"(/v1\.0/users/([^/]+)/events/([^/]+)/cancel)",
               [this](const httplib::Request& request, httplib::Response& response) {
                 Serve(Route::kCancel, request, response,
                       [&](const json& body) { return mailboxes_.Cancel(request.matches[1], request.matches[2], body); });
               });
  server_.Post(R"(/v1\.0/users/([^/]+)/calendar/getSchedule)",
               [this](const httplib::Request& request, httplib::Response& response) {
                 Serve(Route::kSchedule, request, response, [&](const json& body) { return mailboxes_.Schedule(body); });
               });
  server_.Get(R"(/v1\.0/users/delta)", [this](const httplib::Request& request, httplib::Response& response) {
    const std::map<std::string, std::string> query(request.params.begin(), request.params.end());
    Serve(Route::kUsersDelta, request, response,
          [&](const json&) { return users_.Delta(api_base_url(), query, request.get_header_value("Prefer")); });
    // The way back Graph names with a 410: the initial query, empty $deltaToken.
    if (response.status == 410) response.set_header("Location", api_base_url() + "/users/delta?$deltatoken=");
  });
  server_.Get(R"(/v1\.0/users/([^/]+)/mailboxSettings/timeZone)",
              [this](const httplib::Request& request, httplib::Response& response) {
                Serve(Route::kMailboxSettings, request, response,
                      [&](const json&) { return users_.TimeZone(api_base_url(), request.matches[1]); });
              });
  port_ = StartOnLoopback(server_, thread_, "fake Microsoft Graph");
}

FakeGraphServer::~FakeGraphServer() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void FakeGraphServer::Token(const httplib::Request& request, httplib::Response& response) {
  std::lock_guard lock(mutex_);
  calls_.push_back(Call{Route::kToken, request.path, "", "", json()});
  auto& queue = faults_[Route::kToken];
  if (!queue.empty()) {
    const Fault fault = queue.front();
    queue.pop_front();
    if (fault.status != 0) return Reply(response, fault.status, {{"error", "temporarily_unavailable"}});
  }
  auto form = DecodeForm(request.body);
  if (request.matches[1] != tenant_id_) {
    return Reply(response, 400, {{"error", "invalid_request"}, {"error_description", "AADSTS90002: Tenant not found."}});
  }
  if (!form || form->Get("grant_type") != "client_credentials") {
    return Reply(response, 400, {{"error", "unsupported_grant_type"}});
  }
  if (form->Get("client_id") != client_id_ || form->Get("client_secret") != client_secret_) {
    return Reply(response, 401, {{"error", "invalid_client"}, {"error_description", "AADSTS7000215: Invalid client secret."}});
  }
  if (form->Get("scope") != "https://graph.microsoft.com/.default") {
    return Reply(response, 400, {{"error", "invalid_scope"}});
  }
  const std::string token = RandomToken();
  tokens_.insert(token);
  Reply(response, 200, {{"token_type", "Bearer"}, {"expires_in", 3599}, {"ext_expires_in", 3599}, {"access_token", token}});
}

template <typename Work>
void FakeGraphServer::Serve(Route route, const httplib::Request& request, httplib::Response& response, Work work) {
  std::lock_guard lock(mutex_);
  const bool has_body = request.method != "GET";
  const json body = has_body ? json::parse(request.body, nullptr, false) : json();
  const std::string authorization = request.get_header_value("Authorization");
  calls_.push_back(Call{route, request.path, authorization, request.get_header_value("Prefer"), body});
  for (const auto& [name, value] : request.params) calls_.back().query[name] = value;
  std::optional<Fault> fault;
  if (auto& queue = faults_[route]; !queue.empty()) {
    fault = queue.front();
    queue.pop_front();
  }
  if (fault && fault->status != 0) {
    if (fault->retry_after >= 0) response.set_header("Retry-After", std::to_string(fault->retry_after));
    return Reply(response, fault->status, {{"error", {{"code", CodeFor(fault->status)}, {"message", "injected fault"}}}});
  }
  if (authorization.rfind("Bearer ", 0) != 0 || tokens_.count(authorization.substr(7)) == 0) {
    return Reply(response, 401, {{"error", {{"code", "InvalidAuthenticationToken"}, {"message", "Access token has expired or is not yet valid."}}}});
  }
  if (has_body && request.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    return Reply(response, 415, {{"error", {{"code", "UnsupportedMediaType"}, {"message", "application/json expected"}}}});
  }
  if (has_body && body.is_discarded()) {
    return Reply(response, 400, {{"error", {{"code", "BadRequest"}, {"message", "Unable to read JSON request payload."}}}});
  }
  const FakeGraphAnswer answer = work(body);
  Reply(response, answer.status, answer.body);
  if (fault) {  // the work is done; the answer never arrives whole
    const std::size_t size = answer.body.is_null() ? 1 : answer.body.dump().size();
    response.body.clear();  // httplib sends a body in preference to a provider
    response.set_content_provider(size, "application/json", [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
  }
}

void FakeGraphServer::FailNext(Route route, int count, int status, int retry_after_seconds) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) faults_[route].push_back(Fault{status, retry_after_seconds});
}

void FakeGraphServer::LoseNextAnswer(Route route, int count) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) faults_[route].push_back(Fault{});
}

void FakeGraphServer::RevokeTokens() {
  std::lock_guard lock(mutex_);
  tokens_.clear();
}

void FakeGraphServer::SetBusy(const std::string& email, std::vector<BusyBlock> blocks) {
  std::lock_guard lock(mutex_);
  mailboxes_.SetBusy(email, std::move(blocks));
}

void FakeGraphServer::SetUnreadable(const std::string& email) {
  std::lock_guard lock(mutex_);
  mailboxes_.SetUnreadable(email);
}

bool FakeGraphServer::DeleteEvent(const std::string& mailbox, const std::string& id) {
  std::lock_guard lock(mutex_);
  return mailboxes_.Delete(mailbox, id);
}

std::vector<FakeGraphServer::Event> FakeGraphServer::Events(const std::string& mailbox) const {
  std::lock_guard lock(mutex_);
  return mailboxes_.Events(mailbox);
}

int FakeGraphServer::token_requests() const { return calls(Route::kToken); }

int FakeGraphServer::calls(Route route) const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(std::count_if(calls_.begin(), calls_.end(), [&](const Call& call) { return call.route == route; }));
}

std::vector<FakeGraphServer::Call> FakeGraphServer::Calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

}  // namespace mentorbot
