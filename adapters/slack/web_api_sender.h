// SlackWebApiSender: delivers a queued message through the Slack Web API —
// conversations.open for the person's DM channel (cached per user), then
// chat.postMessage with the Block Kit rendering — and classifies Slack's
// answers: HTTP 429 (Retry-After), 5xx and network errors are transient;
// "ok": false errors are transient only for Slack's own trouble
// (ratelimited, internal_error, …), otherwise permanent (user_not_found,
// account_inactive, not_authed, …) so they are never retried in a storm.
// A message that replaces another (Address::replaces: the pressed button's
// message) is sent with chat.update, or to the interaction's response_url
// for an ephemeral one — only ever to https://hooks.slack.com/ or the
// configured Web API's own origin, never elsewhere. When the original can no
// longer be replaced (deleted, response_url expired), the answer is posted
// to the person's DM instead, so it is never lost.
// Every message carries its outbox key as Slack message metadata; when an
// earlier attempt's outcome was lost (the process died mid-send), the
// conversation's history is searched for that key first, so a crash never
// makes a message appear twice.
// A message with files (an admin's export) is shared as files in the
// conversation: files.getUploadURLExternal, the bytes to the upload URL
// (only https://files.slack.com/ or the configured API origin), then
// files.completeUploadExternal with the message as its comment. The bytes
// come from the store and are erased from it once shared.
// Thread-safety: Deliver may be called from several threads.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

#include "adapters/common/http_client.h"
#include "bot/core/outbound.h"
#include "bot/core/store.h"

namespace mentorbot {

class SlackWebApiSender : public Sender {
 public:
  // REQUIRES: client outlives the sender. The token is never logged or
  // included in an error.
  // `store` holds the files messages hand over; null = such messages fail.
  SlackWebApiSender(std::string api_base_url, std::string bot_token, HttpClient& client, Store* store = nullptr);

  DeliveryResult Deliver(const OutboundMessage& message) override;

 private:
  // Calls one Web API method with a JSON body; on success returns the
  // response JSON text in `body`.
  DeliveryResult Call(const std::string& method, const std::string& json_body, std::string& body,
                      const std::string& content_type = "application/json; charset=utf-8");
  DeliveryResult OpenDirectMessage(const std::string& user_id, std::string& channel);
  // Whether `channel` already holds the message keyed `key` (posted by an
  // attempt whose outcome was lost). False when the history can't be read.
  bool AlreadyPosted(const std::string& channel, const OutboundMessage& message);
  DeliveryResult Replace(const OutboundMessage& message);
  DeliveryResult PostToResponseUrl(const std::string& url, const OutboundMessage& message);
  DeliveryResult Post(const OutboundMessage& message);
  // Shares message.message.files in `channel` (file_sharing.cpp).
  DeliveryResult ShareFiles(const std::string& channel, const OutboundMessage& message);
  DeliveryResult UploadFile(const FileRef& file, std::string& file_id);

  std::string api_base_url_;
  std::string api_origin_;  // "scheme://host:port/" of api_base_url_
  std::string bot_token_;
  HttpClient& client_;
  Store* store_;
  std::mutex cache_mutex_;
  std::unordered_map<std::string, std::string> dm_channels_;  // user id -> channel id
};

// How a Slack "ok": false error is treated.
bool IsTransientSlackError(const std::string& error);

}  // namespace mentorbot
