#include "adapters/common/json_fields.h"
#include "adapters/slack/event_parser.h"

#include <nlohmann/json.hpp>

#include "adapters/common/utf8.h"
#include "adapters/slack/block_kit_renderer.h"
#include "adapters/slack/slack_user_json.h"

namespace mentorbot {

namespace {
using nlohmann::json;
using Kind = SlackEventCallback::Kind;

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// The bot's own user id in this workspace, from the event's authorizations.
std::string BotUserId(const json& payload) {
  if (!payload.contains("authorizations") || !payload["authorizations"].is_array()) return {};
  for (const auto& authorization : payload["authorizations"]) {
    if (authorization.is_object() && authorization.value("is_bot", json()) == true) return TextField(authorization, "user_id");
  }
  return {};
}

// "<@UBOT> status" → "status". Without a known bot id, a leading mention is
// still the bot's: app_mention only fires when the bot is mentioned.
std::string WithoutLeadingMention(std::string_view text, const std::string& bot) {
  text = TrimSpace(text);
  if (text.substr(0, 2) != "<@") return std::string(text);
  const auto close = text.find('>');
  if (close == std::string_view::npos) return std::string(text);
  const std::string_view id = text.substr(2, std::min(text.find('|'), close) - 2);
  if (!bot.empty() && id != bot) return std::string(text);
  return std::string(TrimSpace(text.substr(close + 1)));
}

std::string WithoutSlashCommand(std::string_view text, std::string_view slash_command) {
  text = TrimSpace(text);
  if (!slash_command.empty() && text.substr(0, slash_command.size()) == slash_command &&
      (text.size() == slash_command.size() || std::isspace(static_cast<unsigned char>(text[slash_command.size()])))) {
    text.remove_prefix(slash_command.size());
  }
  return std::string(TrimSpace(text));
}

// team_join / user_change: event.user is the whole user object. A bot's
// change is ignored (bots are never synced).
StatusOr<SlackEventCallback> ParseDirectoryUpdate(const json& inner, const std::string& type, const std::string& team,
                                                  const std::string& event_id) {
  auto entry = ParseSlackUser(inner.contains("user") ? inner["user"] : json());
  if (!entry.ok()) return Status::InvalidArgument(type + ": " + entry.status().message());
  SlackEventCallback out;
  if (entry->bot) {
    out.ignored = type + " of a bot";
    return out;
  }
  auto ref = UserRef::Parse("slack:" + team + ":" + entry->id);
  if (!ref) return Status::InvalidArgument(type + " without a valid user id");
  out.kind = Kind::kDirectoryUpdate;
  out.event.kind = EventKind::kDirectoryUpdate;
  out.event.event_id = event_id;
  out.event.redeliverable = true;
  out.event.from.user = *ref;  // no conversation: nobody spoke
  out.event.display_name = entry->display_name.value_or("");
  out.event.directory_entry = std::move(entry.value());
  return out;
}

StatusOr<SlackEventCallback> ParseCallback(const json& payload, std::string_view slash_command) {
  SlackEventCallback out;
  const json& inner = payload.contains("event") && payload["event"].is_object() ? payload["event"] : json::object();
  const std::string type = TextField(inner, "type");
  const std::string event_id = TextField(payload, "event_id");
  std::string team = TextField(payload, "team_id");
  if (type.empty() || event_id.empty() || team.empty()) {
    return Status::InvalidArgument("event_callback without event.type, event_id or team_id");
  }
  if (type == "team_join" || type == "user_change") return ParseDirectoryUpdate(inner, type, team, event_id);
  // file_shared names its sharer user_id; every other event, user.
  const std::string user = type == "file_shared" ? TextField(inner, "user_id") : TextField(inner, "user");
  const std::string bot = BotUserId(payload);
  auto ignore = [&out](std::string why) {
    out.kind = Kind::kIgnored;
    out.ignored = std::move(why);
    return out;
  };
  if (type == "message") {
    if (TextField(inner, "channel_type") != "im") return ignore("message outside the bot's DM");
    if (inner.contains("subtype")) return ignore("message subtype " + TextField(inner, "subtype"));
    if (inner.contains("bot_id") || user.empty() || user == bot) return ignore("message from a bot");
    out.kind = Kind::kDirectMessage;
    out.event.text = WithoutSlashCommand(UnescapeSlackText(TextField(inner, "text")), slash_command);
  } else if (type == "app_mention") {
    if (inner.contains("bot_id") || user.empty() || user == bot) return ignore("mention by a bot");
    out.kind = Kind::kMention;
    out.event.text = WithoutSlashCommand(WithoutLeadingMention(UnescapeSlackText(TextField(inner, "text")), bot), slash_command);
    out.event.from.thread_id = TextField(inner, "thread_ts");
  } else if (type == "app_home_opened") {
    if (TextField(inner, "tab") != "home") return ignore("app_home_opened on the " + TextField(inner, "tab") + " tab");
    out.kind = Kind::kHomeOpened;
    out.event.text = "home";
  } else if (type == "file_shared") {
    if (user.empty() || user == bot) return ignore("file shared by the bot");
    out.kind = Kind::kFileShared;
    out.file_id = TextField(inner, "file_id");
    if (out.file_id.empty()) return Status::InvalidArgument("file_shared without file_id");
    out.event.text = "admin roster import";
  } else {
    return ignore("event " + type);
  }
  auto ref = UserRef::Parse("slack:" + team + ":" + user);
  if (!ref) return Status::InvalidArgument("event without a valid user id");
  out.event.kind = EventKind::kCommand;
  out.event.event_id = event_id;
  out.event.redeliverable = true;  // Slack retries events it thinks were not received
  out.event.from.user = *ref;
  out.event.from.conversation_id = TextField(inner, type == "file_shared" ? "channel_id" : "channel");
  return out;
}
}  // namespace

StatusOr<SlackEventCallback> ParseSlackEvent(std::string_view body, std::string_view slash_command) {
  const json payload = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!payload.is_object()) return Status::InvalidArgument("body is not a JSON object");
  const std::string type = TextField(payload, "type");
  if (type == "url_verification") {
    SlackEventCallback out;
    out.kind = Kind::kUrlVerification;
    out.challenge = TextField(payload, "challenge");
    if (out.challenge.empty()) return Status::InvalidArgument("url_verification without a challenge");
    return out;
  }
  if (type == "event_callback") return ParseCallback(payload, slash_command);
  if (type.empty()) return Status::InvalidArgument("body without a type");
  SlackEventCallback out;
  out.ignored = "request type " + type;
  return out;
}

}  // namespace mentorbot
