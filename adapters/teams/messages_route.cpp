#include "adapters/common/json_fields.h"
#include "adapters/teams/messages_route.h"

#include <cctype>

#include "adapters/teams/adaptive_card_renderer.h"

namespace mentorbot {

namespace {
constexpr std::size_t kMaxRemembered = 100000;  // bounds the skip-cache, not what is stored

HttpResponse Ack() { return HttpResponse::Json("{}"); }

// The IANA zone the sender's Teams client reports in its clientInfo entity.
std::string ClientTimeZone(const TeamsActivity& activity) {
  if (!activity.entities.is_array()) return {};
  for (const auto& entity : activity.entities) {
    if (entity.is_object() && StringField(entity, "type") == "clientInfo" && entity.contains("timezone") &&
        entity["timezone"].is_string()) {
      return entity["timezone"].get<std::string>();
    }
  }
  return {};
}

std::vector<ConversationReference> ReferencesIn(const TeamsActivity& activity, TimePoint now) {
  std::vector<ConversationReference> references;
  references.push_back(ConversationReference{activity.From(), activity.from_id,
                                             activity.personal() ? activity.conversation_id : "",
                                             activity.service_url, activity.recipient_id, now,
                                             ClientTimeZone(activity)});
  if (!activity.entities.is_array()) return references;
  for (const auto& entity : activity.entities) {
    if (!entity.is_object() || StringField(entity, "type") != "mention" || !entity.contains("mentioned")) continue;
    const auto& mentioned = entity["mentioned"];
    if (!mentioned.is_object()) continue;
    const std::string id = StringField(mentioned, "id");
    const std::string aad = StringField(mentioned, "aadObjectId");
    if (id.empty() || aad.empty() || id == activity.recipient_id) continue;
    UserRef user{Platform::kTeams, activity.tenant_id, aad};
    if (!UserRef::Parse(user.Key())) continue;
    references.push_back(ConversationReference{user, id, "", activity.service_url, activity.recipient_id, now});
  }
  return references;
}
}  // namespace

Status TeamsMessagesRoute::Authenticate(const HttpRequest& request, const TeamsActivity& activity) const {
  if (validator_ != nullptr) {
    return validator_->Validate(request.Header("Authorization"), {activity.channel_id, activity.service_url});
  }
  if (!policy_.local_development()) return Status::PermissionDenied("TEAMS_APP_ID is not set");
  if (!IsLoopbackAddress(request.remote_address)) {
    return Status::PermissionDenied("unauthenticated request from a non-loopback peer");
  }
  return Status::Ok();
}

void TeamsMessagesRoute::RememberReferences(const TeamsActivity& activity) {
  std::vector<ConversationReference> changed;
  {
    std::lock_guard lock(remembered_mutex_);
    if (remembered_.size() > kMaxRemembered) remembered_.clear();
    for (auto& reference : ReferencesIn(activity, clock_.Now())) {
      const std::string fingerprint = reference.platform_user_id + "|" + reference.conversation_id + "|" +
                                      reference.service_url + "|" + reference.bot_id + "|" + reference.time_zone;
      std::string& known = remembered_[reference.user.Key()];
      if (known == fingerprint) continue;
      known = fingerprint;
      changed.push_back(std::move(reference));
    }
  }
  if (changed.empty()) return;
  int now_due = 0;
  Status saved = store_.Run(Store::Access::kWrite, [&](StoreTransaction& t) {
    for (const auto& reference : changed) t.conversations().Save(reference);
    now_due = t.outbox().RetryAwaitingConversationNow(Platform::kTeams, activity.tenant_id, clock_.Now());
  });
  if (!saved.ok()) {
    std::lock_guard lock(remembered_mutex_);
    for (const auto& reference : changed) remembered_.erase(reference.user.Key());  // try again next time
    return;
  }
  if (now_due > 0 && outbox_wake_) outbox_wake_();
}

HttpResponse TeamsMessagesRoute::ImportFile(const TeamsActivity& activity, Event& event, RequestLogFields& log) {
  const bool csv = activity.file_name.size() > 4 &&
                   (activity.file_name.substr(activity.file_name.size() - 4) == ".csv" ||
                    activity.file_name.substr(activity.file_name.size() - 4) == ".CSV");
  if (!activity.personal() || !csv || !files_->Allows(activity.file_download_url)) {
    log.detail = "file ignored (" + std::string(!csv ? "not CSV" : !activity.personal() ? "not a 1:1 chat" : "download URL not allowed") + ")";
    return Ack();
  }
  log.detail = "file " + activity.file_name;
  files_->Fetch(event, activity.file_name, activity.file_download_url);
  return Ack();
}

HttpResponse TeamsMessagesRoute::Handle(const HttpRequest& request, RequestLogFields& log) {
  if (validator_ != nullptr && request.Header("Authorization").empty()) {
    log.detail = "missing Authorization header";
    return HttpResponse::Text(401, "missing bearer token\n");
  }
  if (!request.HasMediaType("application/json")) {
    log.detail = "not JSON";
    return HttpResponse::Text(415, "expected application/json\n");
  }
  auto activity = ParseTeamsActivity(request.body);
  if (!activity.ok()) {
    log.detail = activity.status().message();
    return HttpResponse::Text(400, activity.status().message() + "\n");
  }
  if (Status authenticated = Authenticate(request, *activity); !authenticated.ok()) {
    log.detail = authenticated.message();
    if (authenticated.code() == StatusCode::kUnavailable) return HttpResponse::Text(503, "cannot verify tokens now\n");
    return HttpResponse::Text(401, "unauthorized\n");
  }
  if (!policy_.Allows(activity->service_url)) {
    log.detail = "service url not allowed";
    return HttpResponse::Text(403, "service url not allowed\n");
  }
  log.workspace = activity->tenant_id;
  log.user = activity->From().user_id;
  RememberReferences(*activity);
  if (activity->type == "invoke" && activity->name == "fileConsent/invoke") {
    // Answered at once; the upload (or the erasure) follows on the uploader's thread.
    if (uploads_ != nullptr) uploads_->Answer(*activity);
    log.detail = "file consent";
    return Ack();
  }
  auto event = ToEvent(*activity);
  if (!event) {
    log.detail = "ignored " + activity->type;
    return Ack();
  }
  if (activity->type == "invoke") {
    Reply reply = handler_.Handle(*event);
    if (reply.duplicate) {  // a redelivered press: it was done the first time
      log.detail = "duplicate delivery";
      reply.message = Message{"Done", {Section{RichText("Done: that was already recorded."), {}, {}}}};
    }
    return HttpResponse::Json(RenderInvokeResponse(reply).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  // Private answers go to the person's 1:1 chat, never to a channel.
  event->queue_reply_to = activity->personal()
                              ? Address{event->from.user, activity->conversation_id, "", activity->service_url}
                              : Address{event->from.user, "", "", ""};
  if (!activity->file_download_url.empty() && files_ != nullptr) return ImportFile(*activity, *event, log);
  Reply reply = handler_.Handle(*event);
  if (reply.failed) {
    log.detail = "store unavailable";
    return HttpResponse::Text(503, "try again later\n");
  }
  if (reply.duplicate) log.detail = "duplicate delivery";
  return Ack();
}

}  // namespace mentorbot
