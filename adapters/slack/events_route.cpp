#include "adapters/slack/events_route.h"

#include "adapters/slack/block_kit_views.h"
#include "adapters/slack/event_parser.h"
#include "adapters/slack/slack_request.h"

namespace mentorbot {

namespace {
using Kind = SlackEventCallback::Kind;

HttpResponse EmptyAck() { return HttpResponse::Text(200, ""); }
}  // namespace

HttpResponse SlackEventsRoute::Handle(const HttpRequest& request, RequestLogFields& log) const {
  if (auto rejected = RejectSlackRequest(verifier_, request, "application/json", log)) return *rejected;
  auto callback = ParseSlackEvent(request.body, slash_command_);
  if (!callback.ok()) {
    log.detail = callback.status().message();
    return HttpResponse::Text(400, callback.status().message() + "\n");
  }
  const std::string retry = request.Header("X-Slack-Retry-Num");
  if (!retry.empty()) log.detail = "retry " + retry + " (" + request.Header("X-Slack-Retry-Reason") + ") ";
  switch (callback->kind) {
    case Kind::kUrlVerification:
      log.detail += "url_verification";
      return HttpResponse::Json(nlohmann::json{{"challenge", callback->challenge}}.dump());
    case Kind::kIgnored:
      log.detail += "ignored " + callback->ignored;
      return EmptyAck();
    case Kind::kDirectMessage:
    case Kind::kMention:
    case Kind::kHomeOpened:
    case Kind::kFileShared:
    case Kind::kDirectoryUpdate:
      break;
  }
  Event& event = callback->event;
  log.workspace = event.from.user.workspace;
  log.user = event.from.user.user_id;
  if (callback->kind == Kind::kDirectoryUpdate) {
    // Nobody asked anything: no reply, only the change recorded.
    Reply reply = handler_.Handle(event);
    if (reply.failed) {
      log.detail += "store unavailable";
      return HttpResponse::Text(503, "try again later\n");  // Slack retries it
    }
    log.detail += reply.duplicate ? "duplicate delivery" : "directory update";
    return EmptyAck();
  }
  if (callback->kind == Kind::kFileShared) {
    // The answer goes to the DM (where the file was shared, if it was a DM).
    const bool in_dm = !event.from.conversation_id.empty() && event.from.conversation_id.front() == 'D';
    event.queue_reply_to = Address{event.from.user, in_dm ? event.from.conversation_id : ""};
    log.detail += "file_shared " + callback->file_id;
    files_.Fetch(event, callback->file_id);
    return EmptyAck();
  }
  if (callback->kind == Kind::kHomeOpened) {
    Reply reply = handler_.Handle(event);
    if (reply.failed) {
      log.detail += "store unavailable";
      return HttpResponse::Text(503, "try again later\n");  // Slack retries it
    }
    if (reply.duplicate) {
      log.detail += "duplicate delivery";
      return EmptyAck();
    }
    log.detail += "home opened";
    views_.Publish(event.from.user.user_id, RenderHomeView(reply.message));
    return EmptyAck();
  }
  // In the DM the answer goes to that conversation; after a mention in a
  // channel, to the person's DM.
  event.queue_reply_to = callback->kind == Kind::kDirectMessage ? Address{event.from.user, event.from.conversation_id}
                                                                : Address{event.from.user};
  Reply reply = handler_.Handle(event);
  if (reply.failed) {
    log.detail += "store unavailable";
    return HttpResponse::Text(503, "try again later\n");
  }
  log.detail += reply.duplicate ? "duplicate delivery" : (callback->kind == Kind::kDirectMessage ? "message.im" : "app_mention");
  return EmptyAck();
}

}  // namespace mentorbot
