#include "adapters/teams/teams_activity.h"

#include <cctype>

#include "adapters/teams/adaptive_card_renderer.h"
#include "adapters/teams/mention_text.h"

namespace mentorbot {

namespace {
using nlohmann::json;

std::string StringAt(const json& object, std::initializer_list<const char*> path) {
  const json* node = &object;
  for (const char* key : path) {
    if (!node->is_object()) return {};
    auto it = node->find(key);
    if (it == node->end()) return {};
    node = &*it;
  }
  return node->is_string() ? node->get<std::string>() : std::string();
}

// Teams sends formatted messages as HTML ("<p>agenda <b>x</b></p>").
std::string HtmlToText(std::string_view html) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '<' && i + 1 < html.size() && (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/')) {
      const auto close = html.find('>', i);
      if (close != std::string_view::npos) {
        const std::string_view tag = html.substr(i + 1, close - i - 1);
        if (tag.rfind("br", 0) == 0 || tag == "/p" || tag == "/div") out += '\n';
        i = close + 1;
        continue;
      }
    }
    if (html[i] == '&') {
      bool decoded = false;
      for (const auto& [entity, text] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          out += text;
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out += html[i++];
  }
  const auto first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
}
}  // namespace

UserRef TeamsActivity::From() const {
  return UserRef{Platform::kTeams, tenant_id, from_aad_object_id.empty() ? from_id : from_aad_object_id};
}

StatusOr<TeamsActivity> ParseTeamsActivity(std::string_view body) {
  const json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return Status::InvalidArgument("body is not a JSON object");
  TeamsActivity activity;
  activity.type = StringAt(parsed, {"type"});
  activity.id = StringAt(parsed, {"id"});
  activity.name = StringAt(parsed, {"name"});
  activity.channel_id = StringAt(parsed, {"channelId"});
  activity.service_url = StringAt(parsed, {"serviceUrl"});
  activity.conversation_id = StringAt(parsed, {"conversation", "id"});
  activity.conversation_type = StringAt(parsed, {"conversation", "conversationType"});
  activity.tenant_id = StringAt(parsed, {"channelData", "tenant", "id"});
  if (activity.tenant_id.empty()) activity.tenant_id = StringAt(parsed, {"conversation", "tenantId"});
  activity.from_id = StringAt(parsed, {"from", "id"});
  activity.from_aad_object_id = StringAt(parsed, {"from", "aadObjectId"});
  activity.from_name = StringAt(parsed, {"from", "name"});
  activity.recipient_id = StringAt(parsed, {"recipient", "id"});
  activity.text = StringAt(parsed, {"text"});
  activity.action = StringAt(parsed, {"action"});
  if (auto value = parsed.find("value"); value != parsed.end()) activity.value = *value;
  if (auto attachments = parsed.find("attachments"); attachments != parsed.end() && attachments->is_array()) {
    for (const auto& attachment : *attachments) {
      if (!attachment.is_object() ||
          StringAt(attachment, {"contentType"}) != "application/vnd.microsoft.teams.file.download.info") {
        continue;
      }
      activity.file_name = StringAt(attachment, {"name"});
      activity.file_download_url = StringAt(attachment, {"content", "downloadUrl"});
      break;
    }
  }
  if (auto entities = parsed.find("entities"); entities != parsed.end() && entities->is_array()) {
    activity.entities = *entities;
  }
  if (auto added = parsed.find("membersAdded"); added != parsed.end() && added->is_array()) {
    for (const auto& member : *added) {
      if (auto id = StringAt(member, {"id"}); !id.empty()) activity.members_added.push_back(std::move(id));
    }
  }
  for (const auto& [field, value] : {std::pair{"type", &activity.type}, {"id", &activity.id},
                                     {"channelId", &activity.channel_id}, {"serviceUrl", &activity.service_url},
                                     {"conversation.id", &activity.conversation_id}, {"from.id", &activity.from_id},
                                     {"tenant id", &activity.tenant_id}, {"recipient.id", &activity.recipient_id}}) {
    if (value->empty()) return Status::InvalidArgument(std::string("activity has no ") + field);
  }
  if (!UserRef::Parse(activity.From().Key())) return Status::InvalidArgument("activity's sender id is not usable");
  return activity;
}

bool ReadCardAction(const json& data, Event& event) {
  const std::string kind = StringAt(data, {kCardDataKind});
  const std::string id = StringAt(data, {"id"});
  if (id.empty()) return false;
  if (kind == "action") {
    event.kind = EventKind::kAction;
    event.action_id = id;
    event.action_value = StringAt(data, {"value"});
    return true;
  }
  if (kind != "form") return false;
  event.kind = EventKind::kFormSubmission;
  event.action_id = id;
  event.action_value = StringAt(data, {"argument"});
  const std::string_view prefix = kCardInputPrefix;
  for (const auto& [key, value] : data.items()) {
    if (key.rfind(prefix, 0) == 0 && value.is_string()) event.fields[key.substr(prefix.size())] = value.get<std::string>();
  }
  return true;
}

std::string CommandTextOf(const TeamsActivity& activity) {
  return HtmlToText(ResolveTeamsMentions(activity.text, activity.entities, activity.tenant_id, activity.recipient_id));
}

std::optional<Event> ToEvent(const TeamsActivity& activity) {
  Event event;
  event.from = Address{activity.From(), activity.conversation_id, "", activity.service_url};
  event.display_name = activity.from_name;
  event.event_id = "teams:" + activity.conversation_id + ":" + activity.id;
  event.redeliverable = true;  // the connector retries a delivery it is unsure of
  if (activity.type == "message") {
    if (activity.value.is_object()) return ReadCardAction(activity.value, event) ? std::optional(event) : std::nullopt;
    event.kind = EventKind::kCommand;
    event.text = CommandTextOf(activity);
    return event;
  }
  if (activity.type == "invoke") {
    if (activity.name != "adaptiveCard/action" || !activity.value.is_object()) return std::nullopt;
    const json action = activity.value.value("action", json::object());
    if (!action.is_object()) return std::nullopt;
    return ReadCardAction(action.value("data", json::object()), event) ? std::optional(event) : std::nullopt;
  }
  // The bot added to a 1:1 chat: conversationUpdate naming the bot among the
  // members added, or installationUpdate "add" (both may arrive: one welcome).
  const bool bot_added =
      (activity.type == "conversationUpdate" &&
       std::find(activity.members_added.begin(), activity.members_added.end(), activity.recipient_id) !=
           activity.members_added.end()) ||
      (activity.type == "installationUpdate" && activity.action.rfind("add", 0) == 0);
  if (!bot_added || !activity.personal()) return std::nullopt;
  event.kind = EventKind::kInstall;
  event.event_id = "teams:install:" + activity.conversation_id;
  return event;
}

}  // namespace mentorbot
