#include "adapters/slack/web_api_sender.h"

#include <nlohmann/json.hpp>

#include "adapters/common/json_fields.h"
#include "adapters/common/retry_after.h"
#include "adapters/slack/block_kit_renderer.h"

namespace mentorbot {

namespace {
using nlohmann::json;
constexpr const char* kMetadataType = "mentorbot_message";
// How far before a message was queued its earlier attempt may be looked for.
constexpr long long kHistorySlackSeconds = 60;

// How an HTTP answer from Slack counts, before its body is looked at.
DeliveryResult HttpOutcome(const std::string& what, const StatusOr<HttpClientResponse>& response) {
  if (!response.ok()) return DeliveryResult::Retry(what + ": " + response.status().message());
  if (response->status == 429) return DeliveryResult::Retry(what + ": rate limited (429)", ParseRetryAfter(response->Header("retry-after")));
  if (response->status >= 500) return DeliveryResult::Retry(what + ": http " + std::to_string(response->status));
  if (response->status != 200) return DeliveryResult::Permanent(what + ": http " + std::to_string(response->status));
  return DeliveryResult::Delivered();
}
}  // namespace

bool IsTransientSlackError(const std::string& error) {
  for (const char* transient : {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable",
                                "request_timeout", "team_added_to_org"}) {
    if (error == transient) return true;
  }
  return false;
}

SlackWebApiSender::SlackWebApiSender(std::string api_base_url, std::string bot_token, HttpClient& client, Store* store)
    : api_base_url_(std::move(api_base_url)), bot_token_(std::move(bot_token)), client_(client), store_(store) {
  while (!api_base_url_.empty() && api_base_url_.back() == '/') api_base_url_.pop_back();
  if (auto split = SplitUrl(api_base_url_)) api_origin_ = split->first + "/";
}

DeliveryResult SlackWebApiSender::Call(const std::string& method, const std::string& json_body, std::string& body,
                                       const std::string& content_type) {
  auto response = client_.Post(api_base_url_ + "/" + method, {{"Authorization", "Bearer " + bot_token_}}, json_body,
                               content_type);
  if (DeliveryResult http = HttpOutcome(method, response); http.outcome != DeliveryResult::Outcome::kDelivered) return http;
  const json parsed = json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object() || !parsed.contains("ok") || !parsed["ok"].is_boolean()) {
    return DeliveryResult::Retry(method + ": malformed response");
  }
  if (!parsed["ok"].get<bool>()) {
    std::string error = StringField(parsed, "error");
    if (error.empty()) error = "unknown_error";
    return IsTransientSlackError(error) ? DeliveryResult::Retry(method + ": " + error)
                                        : DeliveryResult::Permanent(method + ": " + error);
  }
  body = response->body;
  return DeliveryResult::Delivered();
}

DeliveryResult SlackWebApiSender::OpenDirectMessage(const std::string& user_id, std::string& channel) {
  {
    std::lock_guard lock(cache_mutex_);
    auto cached = dm_channels_.find(user_id);
    if (cached != dm_channels_.end()) {
      channel = cached->second;
      return DeliveryResult::Delivered();
    }
  }
  std::string body;
  DeliveryResult opened = Call("conversations.open", json{{"users", user_id}}.dump(), body);
  if (opened.outcome != DeliveryResult::Outcome::kDelivered) return opened;
  const json parsed = json::parse(body, nullptr, false);
  if (!parsed.contains("channel") || !parsed["channel"].is_object() || !parsed["channel"].contains("id") ||
      !parsed["channel"]["id"].is_string()) {
    return DeliveryResult::Retry("conversations.open: no channel id in the response");
  }
  channel = parsed["channel"]["id"].get<std::string>();
  std::lock_guard lock(cache_mutex_);
  dm_channels_[user_id] = channel;
  return DeliveryResult::Delivered();
}

bool SlackWebApiSender::AlreadyPosted(const std::string& channel, const OutboundMessage& message) {
  // conversations.history is a read method: Slack takes it form-encoded.
  const std::string form = "channel=" + channel + "&include_all_metadata=true&limit=200&oldest=" +
                           std::to_string(message.created_at.time_since_epoch().count() - kHistorySlackSeconds);
  auto response = client_.Post(api_base_url_ + "/conversations.history", {{"Authorization", "Bearer " + bot_token_}}, form,
                               "application/x-www-form-urlencoded");
  if (!response.ok() || response->status != 200) return false;
  const json parsed = json::parse(response->body, nullptr, false);
  if (!IsTrue(parsed, "ok") || !parsed.contains("messages") || !parsed["messages"].is_array()) {
    return false;
  }
  for (const auto& posted : parsed["messages"]) {
    if (!posted.is_object() || !posted.contains("metadata") || !posted["metadata"].is_object()) continue;
    const json& metadata = posted["metadata"];
    if (StringField(metadata, "event_type") != kMetadataType) continue;
    if (metadata.contains("event_payload") && StringField(metadata["event_payload"], "key") == message.key) return true;
  }
  return false;
}

DeliveryResult SlackWebApiSender::Deliver(const OutboundMessage& message) {
  if (bot_token_.empty()) return DeliveryResult::Permanent("SLACK_BOT_TOKEN is not set");
  if (message.to.user.platform != Platform::kSlack) return DeliveryResult::Permanent("not a Slack recipient");
  if (message.to.replaces.empty()) return Post(message);
  DeliveryResult replaced = Replace(message);
  if (replaced.outcome != DeliveryResult::Outcome::kPermanentFailure) return replaced;
  // The original is gone or can no longer be changed: say it in the DM instead.
  OutboundMessage instead = message;
  instead.to.conversation_id.clear();
  instead.to.thread_id.clear();
  instead.to.replaces.clear();
  return Post(instead);
}

DeliveryResult SlackWebApiSender::Replace(const OutboundMessage& message) {
  const std::string& target = message.to.replaces;
  if (target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0) return PostToResponseUrl(target, message);
  json payload = RenderBlockKit(message.message);
  payload["channel"] = message.to.conversation_id;
  payload["ts"] = target;
  std::string body;
  return Call("chat.update", payload.dump(-1, ' ', false, json::error_handler_t::replace), body);
}

DeliveryResult SlackWebApiSender::PostToResponseUrl(const std::string& url, const OutboundMessage& message) {
  // The url came in a signed request, but it is still only followed to Slack.
  const bool allowed = url.rfind("https://hooks.slack.com/", 0) == 0 || (!api_origin_.empty() && url.rfind(api_origin_, 0) == 0);
  if (!allowed) return DeliveryResult::Permanent("response_url outside Slack");
  json payload = RenderBlockKit(message.message);
  payload["replace_original"] = true;
  payload["response_type"] = "ephemeral";
  return HttpOutcome("response_url", client_.Post(url, {}, payload.dump(-1, ' ', false, json::error_handler_t::replace),
                                                  "application/json; charset=utf-8"));
}

DeliveryResult SlackWebApiSender::Post(const OutboundMessage& message) {
  std::string channel = message.to.conversation_id;
  const bool direct = channel.empty();
  if (direct) {
    DeliveryResult opened = OpenDirectMessage(message.to.user.user_id, channel);
    if (opened.outcome != DeliveryResult::Outcome::kDelivered) return opened;
  }
  if (!message.message.files.empty()) return ShareFiles(channel, message);
  if (message.outcome_unknown && AlreadyPosted(channel, message)) return DeliveryResult::Delivered();
  json payload = RenderBlockKit(message.message);
  payload["channel"] = channel;
  payload["metadata"] = {{"event_type", kMetadataType}, {"event_payload", {{"key", message.key}}}};
  if (!message.to.thread_id.empty()) payload["thread_ts"] = message.to.thread_id;
  std::string body;
  DeliveryResult posted = Call("chat.postMessage", payload.dump(-1, ' ', false, json::error_handler_t::replace), body);
  if (direct && posted.error.find("channel_not_found") != std::string::npos) {
    // The cached DM channel is gone: open a fresh one next time.
    std::lock_guard lock(cache_mutex_);
    dm_channels_.erase(message.to.user.user_id);
    return DeliveryResult::Retry(posted.error);
  }
  return posted;
}

}  // namespace mentorbot
