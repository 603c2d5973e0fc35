#include "tests/support/fake_slack_server.h"

#include "adapters/common/form_decoding.h"
#include "tests/support/loopback_server.h"

namespace mentorbot {

namespace {
using nlohmann::json;

json ParseBody(const httplib::Request& request) {
  if (request.get_header_value("Content-Type").rfind("application/json", 0) == 0) {
    return json::parse(request.body, nullptr, false);
  }
  json object = json::object();
  if (auto form = DecodeForm(request.body)) {
    for (const char* name : {"users", "user", "channel", "text", "blocks", "oldest", "include_all_metadata", "filename", "length",
                             "limit", "cursor"}) {
      if (form->Has(name)) object[name] = form->Get(name);
    }
  }
  return object;
}

void Reply(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json; charset=utf-8");
}
}  // namespace

FakeSlackServer::FakeSlackServer(std::string expected_token) : expected_token_(std::move(expected_token)) {
  for (const char* method : {"conversations.open", "chat.postMessage", "conversations.history", "users.info",
                             "chat.update", "views.open", "views.push", "views.update", "views.publish",
                             "files.getUploadURLExternal", "files.completeUploadExternal", "auth.test", "users.list",
                             "users.profile.get"}) {
    server_.Post(std::string("/api/") + method, [this, method](const httplib::Request& request, httplib::Response& response) {
      Handle(method, request, response);
    });
  }
  // Interactions' response_urls (no token: the url itself is the credential).
  server_.Post(R"(/response/([A-Za-z0-9_-]+))", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    calls_.push_back(Call{"response_url", request.get_header_value("Authorization"), ParseBody(request)});
    calls_.back().body["url_path"] = request.path;
    posted_changed_.notify_all();
    Reply(response, 200, json{{"ok", true}});
  });
  server_.Get("/api/files.info", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    calls_.push_back(Call{"files.info", request.get_header_value("Authorization"), {{"file", request.get_param_value("file")}}});
    posted_changed_.notify_all();
    if (calls_.back().authorization != "Bearer " + expected_token_) return Reply(response, 200, json{{"ok", false}, {"error", "invalid_auth"}});
    auto file = files_.find(request.get_param_value("file"));
    if (file == files_.end()) return Reply(response, 200, json{{"ok", false}, {"error", "file_not_found"}});
    const auto& [name, content] = file->second;
    const bool csv = name.size() > 4 && name.substr(name.size() - 4) == ".csv";
    Reply(response, 200, json{{"ok", true},
                              {"file", {{"id", file->first}, {"name", name}, {"filetype", csv ? "csv" : "pdf"},
                                        {"size", content.size()},
                                        {"url_private_download", "http://127.0.0.1:" + std::to_string(port_) +
                                                                     "/api/files-pri/" + file->first + "/download"}}}});
  });
  server_.Get(R"(/api/files-pri/([A-Za-z0-9]+)/download)", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    calls_.push_back(Call{"file download", request.get_header_value("Authorization"), {{"file", request.matches[1].str()}}});
    posted_changed_.notify_all();
    auto file = files_.find(request.matches[1].str());
    if (calls_.back().authorization != "Bearer " + expected_token_ || file == files_.end()) {
      response.status = 404;
      return;
    }
    response.set_content(file->second.second, "text/csv");
  });
  // Upload URLs (no token: the url itself is the credential).
  server_.Post(R"(/upload/([A-Za-z0-9]+))", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex_);
    const std::string id = request.matches[1].str();
    calls_.push_back(Call{"file upload", request.get_header_value("Authorization"), {{"file", id}, {"bytes", request.body.size()}}});
    posted_changed_.notify_all();
    auto upload = uploads_.find(id);
    if (down_ || upload == uploads_.end()) {
      response.status = down_ ? 503 : 404;
      return;
    }
    upload->second.content = request.body;
    response.set_content("OK - " + std::to_string(request.body.size()), "text/plain");
  });
  server_.set_tcp_nodelay(true);  // a page's header and body go out at once (no delayed-ACK wait)
  port_ = StartOnLoopback(server_, thread_, "fake Slack");
}

void FakeSlackServer::StartUpload(const nlohmann::json& body, httplib::Response& response) {
  const std::string filename = body.is_object() ? body.value("filename", std::string()) : std::string();
  const std::string length = body.is_object() ? body.value("length", std::string()) : std::string();
  if (filename.empty() || length.empty() || length.find_first_not_of("0123456789") != std::string::npos) {
    return Reply(response, 200, json{{"ok", false}, {"error", "invalid_arguments"}});
  }
  const std::string id = "F" + std::to_string(++next_ts_);
  uploads_[id] = Upload{filename, std::stoul(length), std::nullopt};
  Reply(response, 200, json{{"ok", true}, {"file_id", id},
                            {"upload_url", "http://127.0.0.1:" + std::to_string(port_) + "/upload/" + id}});
}

void FakeSlackServer::CompleteUpload(const nlohmann::json& body, httplib::Response& response) {
  // Slack takes `files` as a JSON array, or as a string holding one in a form.
  json files = body.is_object() && body.contains("files") ? body["files"] : json();
  if (files.is_string()) files = json::parse(files.get<std::string>(), nullptr, false);
  if (!files.is_array() || files.empty()) return Reply(response, 200, json{{"ok", false}, {"error", "invalid_arguments"}});
  std::vector<SharedFile> shared;
  for (const json& file : files) {
    auto upload = file.is_object() ? uploads_.find(file.value("id", std::string())) : uploads_.end();
    if (upload == uploads_.end() || !upload->second.content || upload->second.content->size() != upload->second.length) {
      return Reply(response, 200, json{{"ok", false}, {"error", "file_not_found"}});
    }
    shared.push_back(SharedFile{body.value("channel_id", std::string()), file.value("title", upload->second.filename),
                                *upload->second.content, body.value("initial_comment", std::string())});
  }
  for (auto& file : shared) shared_.push_back(std::move(file));
  posted_changed_.notify_all();
  Reply(response, 200, json{{"ok", true}, {"files", files}});
}

std::vector<FakeSlackServer::SharedFile> FakeSlackServer::SharedFiles() const {
  std::lock_guard lock(mutex_);
  return shared_;
}

void FakeSlackServer::AddFile(const std::string& id, const std::string& name, const std::string& content) {
  std::lock_guard lock(mutex_);
  files_[id] = {name, content};
}

FakeSlackServer::~FakeSlackServer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  posted_changed_.notify_all();
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void FakeSlackServer::Handle(const std::string& method, const httplib::Request& request, httplib::Response& response) {
  std::unique_lock lock(mutex_);
  const json body = ParseBody(request);
  calls_.push_back(Call{method, request.get_header_value("Authorization"), body});
  if (down_) return Reply(response, 503, json{{"ok", false}, {"error", "service_unavailable"}});
  auto& queued = faults_[method];
  if (!queued.empty()) {
    const Fault fault = queued.front();
    queued.pop_front();
    if (fault.retry_after_seconds >= 0) response.set_header("Retry-After", std::to_string(fault.retry_after_seconds));
    // Slack's 429 says "ratelimited" in its body too.
    const char* http_error = fault.http_status == 429 ? "ratelimited" : "http_error";
    if (fault.http_status != 200) return Reply(response, fault.http_status, json{{"ok", false}, {"error", http_error}});
    json error{{"ok", false}, {"error", fault.slack_error}};
    if (!fault.needed.empty()) error["needed"] = fault.needed;
    return Reply(response, 200, error);
  }
  if (calls_.back().authorization != "Bearer " + expected_token_) {
    return Reply(response, 200, json{{"ok", false}, {"error", "invalid_auth"}});
  }
  posted_changed_.notify_all();
  if (method == "conversations.history") return History(body, response);
  if (method == "chat.update") return Update(body, response);
  if (method.rfind("views.", 0) == 0) return View(method, body, response);
  if (method == "auth.test" || method == "users.list" || method == "users.profile.get") {
    return Reply(response, 200, directory_.Answer(method, body));
  }
  if (method == "users.info") {
    auto it = profiles_.find(body.is_object() ? body.value("user", std::string()) : std::string());
    if (it == profiles_.end()) return Reply(response, 200, json{{"ok", false}, {"error", "user_not_found"}});
    json profile{{"display_name", it->second.display_name}};
    if (!it->second.email.empty()) profile["email"] = it->second.email;
    return Reply(response, 200, json{{"ok", true}, {"user", {{"id", it->first}, {"tz", it->second.tz}, {"profile", profile}}}});
  }
  if (method == "files.getUploadURLExternal") return StartUpload(body, response);
  if (method == "files.completeUploadExternal") return CompleteUpload(body, response);
  if (method == "conversations.open") {
    const std::string users = body.is_object() ? body.value("users", std::string()) : std::string();
    if (users.empty()) return Reply(response, 200, json{{"ok", false}, {"error", "users_not_found"}});
    return Reply(response, 200, json{{"ok", true}, {"channel", {{"id", "D" + users}}}});
  }
  if (!body.is_object() || !body.contains("channel")) {
    return Reply(response, 200, json{{"ok", false}, {"error", "channel_not_found"}});
  }
  const std::string ts = std::to_string(++next_ts_) + ".000100";
  posted_.push_back(body);
  posted_.back()["ts"] = ts;
  posted_changed_.notify_all();
  if (holds_ > 0) {
    --holds_;
    posted_changed_.wait_for(lock, hold_, [&] { return stopping_; });
  }
  return Reply(response, 200, json{{"ok", true}, {"channel", body["channel"]}, {"ts", ts}});
}

void FakeSlackServer::History(const nlohmann::json& body, httplib::Response& response) {
  const std::string channel = body.is_object() ? body.value("channel", std::string()) : std::string();
  const bool with_metadata = body.is_object() && body.value("include_all_metadata", std::string()) == "true";
  json messages = json::array();
  for (auto it = posted_.rbegin(); it != posted_.rend(); ++it) {  // newest first, as Slack answers
    if ((*it)["channel"] != channel) continue;
    json message{{"type", "message"}, {"ts", (*it)["ts"]}, {"text", it->value("text", std::string())}};
    if (with_metadata && it->contains("metadata")) message["metadata"] = (*it)["metadata"];
    messages.push_back(std::move(message));
  }
  Reply(response, 200, json{{"ok", true}, {"messages", messages}, {"has_more", false}});
}

void FakeSlackServer::Update(const nlohmann::json& body, httplib::Response& response) {
  const std::string channel = body.value("channel", std::string());
  const std::string ts = body.value("ts", std::string());
  for (auto& posted : posted_) {
    if (posted["channel"] == channel && posted["ts"] == ts) {
      return Reply(response, 200, json{{"ok", true}, {"channel", channel}, {"ts", ts}});
    }
  }
  Reply(response, 200, json{{"ok", false}, {"error", "message_not_found"}});
}

// Checks what Slack checks first: the target and the view's shape.
void FakeSlackServer::View(const std::string& method, const nlohmann::json& body, httplib::Response& response) {
  const char* target = method == "views.open" || method == "views.push" ? "trigger_id"
                       : method == "views.update"                         ? "view_id"
                                                                          : "user_id";
  if (!body.is_object() || body.value(target, std::string()).empty()) {
    return Reply(response, 200, json{{"ok", false}, {"error", "invalid_arguments"}});
  }
  const json& view = body.contains("view") ? body["view"] : json();
  const std::string type = view.is_object() ? view.value("type", std::string()) : std::string();
  const bool shaped = (type == "modal" || (type == "home" && method == "views.publish")) && view.contains("blocks") &&
                      view["blocks"].is_array() && view["blocks"].size() <= 100;
  if (!shaped) return Reply(response, 200, json{{"ok", false}, {"error", "invalid_arguments"}});
  Reply(response, 200, json{{"ok", true}, {"view", {{"id", "V" + std::to_string(++next_ts_)}, {"type", type}}}});
}

bool FakeSlackServer::WaitForCalls(const std::string& method, std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return posted_changed_.wait_for(lock, timeout, [&] {
    std::size_t seen = 0;
    for (const auto& call : calls_) seen += call.method == method ? 1 : 0;
    return seen >= count;
  });
}

void FakeSlackServer::SetProfile(const std::string& user_id, const std::string& tz, const std::string& display_name,
                                 const std::string& email) {
  std::lock_guard lock(mutex_);
  profiles_[user_id] = Profile{tz, display_name, email};
}

void FakeSlackServer::HoldAnswers(int count, std::chrono::milliseconds hold) {
  std::lock_guard lock(mutex_);
  holds_ = count;
  hold_ = hold;
}

std::vector<FakeSlackServer::Call> FakeSlackServer::Calls(const std::string& method) const {
  std::lock_guard lock(mutex_);
  std::vector<Call> selected;
  for (const auto& call : calls_) {
    if (method.empty() || call.method == method) selected.push_back(call);
  }
  return selected;
}

std::vector<nlohmann::json> FakeSlackServer::PostedMessages() const {
  std::lock_guard lock(mutex_);
  return posted_;
}

void FakeSlackServer::FailNext(const std::string& method, int count, Fault fault) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) faults_[method].push_back(fault);
}

void FakeSlackServer::SetDown(bool down) {
  std::lock_guard lock(mutex_);
  down_ = down;
}

bool FakeSlackServer::WaitForPosted(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return posted_changed_.wait_for(lock, timeout, [&] { return posted_.size() >= count; });
}

}  // namespace mentorbot
