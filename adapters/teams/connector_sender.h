// ConnectorSender: delivers outbox messages to Teams through the Bot
// Framework connector: POST {serviceUrl}/v3/conversations/{id}/activities
// with the bot's bearer token. A person's 1:1 chat comes from the stored
// conversation reference; when there is none yet, one is created with
// POST {serviceUrl}/v3/conversations for the person's tenant and stored.
// The token only ever goes to service urls the policy allows.
// Thread-safety: called from the outbox worker thread only.
#pragma once

#include <string>

#include "adapters/common/http_client.h"
#include "adapters/common/client_credentials_tokens.h"
#include "adapters/teams/service_url_policy.h"
#include "bot/core/clock.h"
#include "bot/core/outbound.h"
#include "bot/core/store.h"

namespace mentorbot {

class ConnectorSender : public Sender {
 public:
  // `tokens` is null in local development mode: requests go without a token.
  // REQUIRES: everything passed outlives the sender.
  ConnectorSender(Store& store, HttpClient& http, TokenSource* tokens, const ServiceUrlPolicy& policy,
                  std::string app_id, const Clock& clock)
      : store_(store), http_(http), tokens_(tokens), policy_(policy), app_id_(std::move(app_id)), clock_(clock) {}

  DeliveryResult Deliver(const OutboundMessage& message) override;

 private:
  struct Target {
    std::string service_url;
    std::string conversation_id;
    std::string reply_to_id;
  };
  DeliveryResult ResolveTarget(const OutboundMessage& message, Target& target);
  DeliveryResult CreatePersonalConversation(const ConversationReference& reference, std::string& conversation_id);
  // POSTs JSON to the connector; `body` receives the answer when delivered.
  DeliveryResult Call(const std::string& url, const std::string& json, std::string* body);

  Store& store_;
  HttpClient& http_;
  TokenSource* tokens_;
  const ServiceUrlPolicy& policy_;
  std::string app_id_;
  const Clock& clock_;
};

}  // namespace mentorbot
