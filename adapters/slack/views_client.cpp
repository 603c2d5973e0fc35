#include "adapters/slack/views_client.h"

#include <spdlog/spdlog.h>

#include "adapters/common/json_fields.h"

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
  queue_.Post([this, method = std::move(method), body = std::move(body)] { Send(method, body); });
}

void SlackViewsClient::Send(const std::string& method, const nlohmann::json& body) {
  auto response = client_.Post(api_base_url_ + "/" + method, {{"Authorization", "Bearer " + bot_token_}},
                               body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                               "application/json; charset=utf-8");
  if (!response.ok()) {
    spdlog::warn("slack {} failed: {}", method, response.status().message());
    return;
  }
  const auto parsed = nlohmann::json::parse(response->body, nullptr, false);
  if (response->status != 200 || !IsTrue(parsed, "ok")) {
    // Slack explains refused views in response_metadata.messages.
    std::string why = parsed.is_object() ? StringField(parsed, "error") : "http " + std::to_string(response->status);
    if (why.empty()) why = "malformed response";
    if (parsed.is_object() && parsed.contains("response_metadata")) why += " " + parsed["response_metadata"].dump();
    spdlog::warn("slack {} refused: {}", method, why);
  }
}

}  // namespace mentorbot
