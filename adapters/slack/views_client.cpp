#include "adapters/slack/views_client.h"

#include <spdlog/spdlog.h>

namespace mentorbot {

SlackViewsClient::SlackViewsClient(std::string api_base_url, std::string bot_token, HttpClient& client)
    : api_base_url_(std::move(api_base_url)), bot_token_(std::move(bot_token)), client_(client) {
  while (!api_base_url_.empty() && api_base_url_.back() == '/') api_base_url_.pop_back();
}

void SlackViewsClient::Open(const std::string& trigger_id, nlohmann::json view) {
  Enqueue("views.open", {{"trigger_id", trigger_id}, {"view", std::move(view)}});
}

void SlackViewsClient::Push(const std::string& trigger_id, nlohmann::json view) {
  Enqueue("views.push", {{"trigger_id", trigger_id}, {"view", std::move(view)}});
}

void SlackViewsClient::Update(const std::string& view_id, nlohmann::json view) {
  Enqueue("views.update", {{"view_id", view_id}, {"view", std::move(view)}});
}

void SlackViewsClient::Publish(const std::string& user_id, nlohmann::json view) {
  Enqueue("views.publish", {{"user_id", user_id}, {"view", std::move(view)}});
}

void SlackViewsClient::Enqueue(std::string method, nlohmann::json body) {
  if (bot_token_.empty()) {
    spdlog::warn("slack {} skipped: SLACK_BOT_TOKEN is not set", method);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= kMaxQueued) {
      spdlog::warn("slack {} dropped: {} view requests already waiting", queue_.front().method, queue_.size());
      queue_.pop_front();
    }
    queue_.push_back(Request{std::move(method), std::move(body)});
  }
  changed_.notify_one();
}

void SlackViewsClient::Run() {
  while (true) {
    Request request;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      request = std::move(queue_.front());
      queue_.pop_front();
    }
    Send(request);
  }
}

void SlackViewsClient::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
}

void SlackViewsClient::Send(const Request& request) {
  auto response = client_.Post(api_base_url_ + "/" + request.method, {{"Authorization", "Bearer " + bot_token_}},
                               request.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                               "application/json; charset=utf-8");
  if (!response.ok()) {
    spdlog::warn("slack {} failed: {}", request.method, response.status().message());
    return;
  }
  const auto parsed = nlohmann::json::parse(response->body, nullptr, false);
  if (response->status != 200 || !parsed.is_object() || !parsed.value("ok", false)) {
    // Slack explains refused views in response_metadata.messages.
    std::string why = parsed.is_object() ? parsed.value("error", std::string("malformed response")) : "http " + std::to_string(response->status);
    if (parsed.is_object() && parsed.contains("response_metadata")) why += " " + parsed["response_metadata"].dump();
    spdlog::warn("slack {} refused: {}", request.method, why);
  }
}

}  // namespace mentorbot
