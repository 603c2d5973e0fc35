#include "adapters/teams/connector_sender.h"

#include <nlohmann/json.hpp>

#include "adapters/common/retry_after.h"
#include "adapters/teams/adaptive_card_renderer.h"

namespace mentorbot {

namespace {
using nlohmann::json;

std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// The token never goes to a service url outside the allowlist.
DeliveryResult NotAllowed(const std::string& service_url) {
  return DeliveryResult::Permanent("service url not allowed: " + service_url);
}
}  // namespace

DeliveryResult ConnectorSender::Call(const std::string& url, const std::string& json_body, std::string* body) {
  std::map<std::string, std::string> headers;
  if (tokens_ != nullptr) {
    auto token = tokens_->Get();
    if (!token.ok()) {
      return token.status().code() == StatusCode::kPermissionDenied ? DeliveryResult::Permanent(token.status().message())
                                                                     : DeliveryResult::Retry(token.status().message());
    }
    headers["Authorization"] = "Bearer " + *token;
  }
  auto response = http_.Post(url, headers, json_body, "application/json; charset=utf-8");
  if (!response.ok()) return DeliveryResult::Retry("connector: " + response.status().message());
  const int status = response->status;
  const std::string what = "connector: http " + std::to_string(status);
  if (status == 429) return DeliveryResult::Retry(what, ParseRetryAfter(response->Header("retry-after")));
  if (status == 401) {
    if (tokens_ != nullptr) tokens_->Invalidate();  // expired or revoked: the next attempt fetches a new one
    return DeliveryResult::Retry(what);
  }
  if (status >= 500 || status == 408) return DeliveryResult::Retry(what);
  if (status < 200 || status >= 300) return DeliveryResult::Permanent(what);
  if (body != nullptr) *body = response->body;
  return DeliveryResult::Delivered();
}

DeliveryResult ConnectorSender::CreatePersonalConversation(const ConversationReference& reference,
                                                           std::string& conversation_id) {
  // Teams wants the person's "29:" id; an Entra object id is the fallback for
  // people known only from the roster or a mention without one.
  const std::string member = reference.platform_user_id.empty() ? reference.user.user_id : reference.platform_user_id;
  json request{{"isGroup", false},
               {"members", json::array({{{"id", member}}})},
               {"tenantId", reference.user.workspace},
               {"channelData", {{"tenant", {{"id", reference.user.workspace}}}}}};
  const std::string bot = !reference.bot_id.empty() ? reference.bot_id : (app_id_.empty() ? "" : "28:" + app_id_);
  if (!bot.empty()) request["bot"] = {{"id", bot}};
  std::string body;
  DeliveryResult created = Call(ConnectorUrl(reference.service_url, "conversations"), Dump(request), &body);
  if (created.outcome != DeliveryResult::Outcome::kDelivered) return created;
  const json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object() || !parsed.contains("id") || !parsed["id"].is_string() || parsed["id"].get<std::string>().empty()) {
    return DeliveryResult::Retry("connector: no conversation id in the answer to create conversation");
  }
  conversation_id = parsed["id"].get<std::string>();
  ConversationReference stored = reference;
  stored.conversation_id = conversation_id;
  stored.updated_at = clock_.Now();
  // A failed save is not fatal: creating the same 1:1 conversation again returns the same id.
  store_.Run(Store::Access::kWrite, [&](StoreTransaction& t) { t.conversations().Save(stored); });
  return DeliveryResult::Delivered();
}

DeliveryResult ConnectorSender::ResolveTarget(const OutboundMessage& message, Target& target) {
  target = Target{message.to.service_url, message.to.conversation_id, message.to.thread_id};
  if (!target.conversation_id.empty() && !target.service_url.empty()) return DeliveryResult::Delivered();
  // A direct message: the person's 1:1 chat, created if need be.
  std::optional<ConversationReference> reference;
  std::optional<std::string> tenant_service_url;
  Status read = store_.Run(Store::Access::kRead, [&](StoreTransaction& t) {
    reference = t.conversations().Find(message.to.user);
    if (!reference || reference->service_url.empty()) {
      tenant_service_url = t.conversations().LatestServiceUrl(Platform::kTeams, message.to.user.workspace);
    }
  });
  if (!read.ok()) return DeliveryResult::Retry("conversation reference: " + read.message());
  if (!reference) reference = ConversationReference{message.to.user, "", "", "", "", {}};
  if (reference->service_url.empty()) {
    if (!tenant_service_url) {
      // Nobody of this tenant has spoken to the bot yet: wait until someone does.
      return DeliveryResult::Retry("no service url known for tenant " + message.to.user.workspace,
                                   std::chrono::hours(1));
    }
    reference->service_url = *tenant_service_url;
  }
  target = Target{reference->service_url, reference->conversation_id, ""};
  if (!policy_.Allows(target.service_url)) return NotAllowed(target.service_url);
  if (!target.conversation_id.empty()) return DeliveryResult::Delivered();
  return CreatePersonalConversation(*reference, target.conversation_id);
}

DeliveryResult ConnectorSender::Deliver(const OutboundMessage& message) {
  if (message.to.user.platform != Platform::kTeams) return DeliveryResult::Permanent("not a Teams recipient");
  Target target;
  DeliveryResult resolved = ResolveTarget(message, target);
  if (resolved.outcome != DeliveryResult::Outcome::kDelivered) return resolved;
  if (!policy_.Allows(target.service_url)) return NotAllowed(target.service_url);
  std::string path = "conversations/" + EncodePathSegment(target.conversation_id) + "/activities";
  if (!target.reply_to_id.empty()) path += "/" + EncodePathSegment(target.reply_to_id);
  json activity = RenderMessageActivity(message.message);
  if (!target.reply_to_id.empty()) activity["replyToId"] = target.reply_to_id;
  DeliveryResult posted = Call(ConnectorUrl(target.service_url, path), Dump(activity), nullptr);
  if (posted.error == "connector: http 404" && message.to.conversation_id.empty()) {
    // The stored 1:1 chat is gone (the app was reinstalled): create a new one next time.
    store_.Run(Store::Access::kWrite, [&](StoreTransaction& t) {
      auto reference = t.conversations().Find(message.to.user);
      if (reference && reference->conversation_id == target.conversation_id) {
        t.conversations().Erase(message.to.user);
        reference->conversation_id.clear();
        t.conversations().Save(*reference);
      }
    });
    return DeliveryResult::Retry(posted.error);
  }
  return posted;
}

}  // namespace mentorbot
