#include "tests/support/fake_bot_framework.h"

#include "adapters/common/form_decoding.h"
#include "tests/support/loopback_server.h"

namespace mentorbot {

namespace {
using nlohmann::json;

void Reply(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json; charset=utf-8");
}
}  // namespace

FakeBotFramework::FakeBotFramework(std::string app_id, std::string app_password)
    : app_id_(std::move(app_id)), app_password_(std::move(app_password)) {
  server_.Get("/v1/.well-known/openidconfiguration", [this](const httplib::Request&, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    ++metadata_requests_;
    if (down_) return Reply(response, 503, json::object());
    Reply(response, 200, {{"issuer", "https://api.botframework.com"},
                          {"jwks_uri", base_url() + "/v1/keys"},
                          {"id_token_signing_alg_values_supported", {"RS256"}}});
  });
  server_.Get("/v1/keys", [this](const httplib::Request&, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    ++jwks_requests_;
    if (down_) return Reply(response, 503, json::object());
    Reply(response, 200, {{"keys", keys_}});
  });
  server_.Post("/oauth2/v2.0/token", [this](const httplib::Request& request, httplib::Response& response) {
    Token(request, response);
  });
  server_.Get(R"(/teams/files/([A-Za-z0-9]+))", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    auto file = files_.find(request.matches[1].str());
    if (file == files_.end() || !request.get_header_value("Authorization").empty()) {
      response.status = 404;
      return;
    }
    response.set_content(file->second, "text/csv");
  });
  server_.Put(R"(/teams/uploads/([A-Za-z0-9]+))", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    const std::string expected = "bytes 0-" + std::to_string(request.body.size() - 1) + "/" + std::to_string(request.body.size());
    if (down_ || request.body.empty() || request.get_header_value("Content-Range") != expected ||
        request.has_header("Authorization")) {
      response.status = down_ ? 503 : 400;
      return;
    }
    uploads_[request.matches[1].str()] = request.body;
    changed_.notify_all();
    response.status = 201;
    response.set_content(R"({"id":"drive-item"})", "application/json");
  });
  server_.Post(R"(/teams/v3/.*)", [this](const httplib::Request& request, httplib::Response& response) {
    Connector(request, response);
  });
  server_.Get(R"(/teams/v3/conversations/([^/]+)/members/([^/]+))",
              [this](const httplib::Request& request, httplib::Response& response) { Member(request, response); });
  port_ = StartOnLoopback(server_, thread_, "fake Bot Framework");
}

FakeBotFramework::~FakeBotFramework() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void FakeBotFramework::Token(const httplib::Request& request, httplib::Response& response) {
  std::lock_guard lock(mutex_);
  ++token_requests_;
  if (down_) return Reply(response, 503, json::object());
  auto form = DecodeForm(request.body);
  if (!form || form->Get("grant_type") != "client_credentials" || form->Get("client_id") != app_id_ ||
      form->Get("client_secret") != app_password_ || form->Get("scope") != "https://api.botframework.com/.default") {
    return Reply(response, 401, {{"error", "invalid_client"}});
  }
  issued_tokens_.push_back("connector-token-" + std::to_string(issued_tokens_.size() + 1));
  Reply(response, 200, {{"token_type", "Bearer"}, {"expires_in", 3600}, {"access_token", issued_tokens_.back()}});
}

bool FakeBotFramework::KnownToken(const std::string& authorization) const {
  if (app_password_.empty()) return true;
  for (const auto& token : issued_tokens_) {
    if (authorization == "Bearer " + token) return true;
  }
  return false;
}

void FakeBotFramework::Member(const httplib::Request& request, httplib::Response& response) {
  std::lock_guard lock(mutex_);
  const std::string authorization = request.get_header_value("Authorization");
  connector_calls_.push_back(Call{request.path, authorization, json()});
  if (down_) return Reply(response, 503, json::object());
  if (!KnownToken(authorization)) {
    return Reply(response, 401, {{"message", "Authorization has been denied for this request."}});
  }
  auto member = members_.find(request.matches[2].str());
  if (member == members_.end()) return Reply(response, 404, {{"error", {{"code", "MemberNotFoundInConversation"}}}});
  Reply(response, 200, member->second);
}

void FakeBotFramework::SetMember(const std::string& member_id, nlohmann::json account) {
  std::lock_guard lock(mutex_);
  members_[member_id] = std::move(account);
}

void FakeBotFramework::Connector(const httplib::Request& request, httplib::Response& response) {
  std::lock_guard lock(mutex_);
  const json body = json::parse(request.body, nullptr, false);
  const std::string authorization = request.get_header_value("Authorization");
  connector_calls_.push_back(Call{request.path, authorization, body});
  if (down_) return Reply(response, 503, json::object());
  if (!faults_.empty()) {
    auto [status, retry_after] = faults_.front();
    faults_.pop_front();
    if (retry_after >= 0) response.set_header("Retry-After", std::to_string(retry_after));
    return Reply(response, status, {{"error", {{"code", "Injected"}, {"message", "injected fault"}}}});
  }
  // With an app password configured, only tokens issued here are accepted.
  if (!KnownToken(authorization)) {
    return Reply(response, 401, {{"message", "Authorization has been denied for this request."}});
  }
  if (!body.is_object()) return Reply(response, 400, {{"error", {{"code", "BadSyntax"}}}});
  if (request.path == "/teams/v3/conversations") {
    const json members = body.value("members", json::array());
    if (!members.is_array() || members.size() != 1 || body.value("tenantId", "").empty()) {
      return Reply(response, 400, {{"error", {{"code", "BadSyntax"}}}});
    }
    return Reply(response, 201, {{"id", "a:personal-" + members[0].value("id", std::string())}});
  }
  activities_.push_back(connector_calls_.back());
  changed_.notify_all();
  Reply(response, 201, {{"id", "activity-" + std::to_string(activities_.size())}});
}

void FakeBotFramework::SetKeys(json jwks_keys) {
  std::lock_guard lock(mutex_);
  keys_ = std::move(jwks_keys);
}

int FakeBotFramework::metadata_requests() const {
  std::lock_guard lock(mutex_);
  return metadata_requests_;
}

int FakeBotFramework::jwks_requests() const {
  std::lock_guard lock(mutex_);
  return jwks_requests_;
}

int FakeBotFramework::token_requests() const {
  std::lock_guard lock(mutex_);
  return token_requests_;
}

std::vector<FakeBotFramework::Call> FakeBotFramework::ConnectorCalls() const {
  std::lock_guard lock(mutex_);
  return connector_calls_;
}

std::vector<FakeBotFramework::Call> FakeBotFramework::Activities() const {
  std::lock_guard lock(mutex_);
  return activities_;
}

bool FakeBotFramework::WaitForActivities(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return stopping_ || activities_.size() >= count; }) && !stopping_;
}

void FakeBotFramework::FailNext(int count, int status, int retry_after_seconds) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) faults_.emplace_back(status, retry_after_seconds);
}

void FakeBotFramework::SetDown(bool down) {
  std::lock_guard lock(mutex_);
  down_ = down;
}

std::string FakeBotFramework::AddFile(const std::string& id, const std::string& content) {
  std::lock_guard lock(mutex_);
  files_[id] = content;
  return service_url() + "files/" + id;
}

std::optional<std::string> FakeBotFramework::Uploaded(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = uploads_.find(id);
  if (it == uploads_.end()) return std::nullopt;
  return it->second;
}

}  // namespace mentorbot
