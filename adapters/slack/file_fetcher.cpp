#include "adapters/common/json_fields.h"
#include "adapters/slack/file_fetcher.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace mentorbot {

namespace {
bool IsCsv(const nlohmann::json& file) {
  const std::string name = StringField(file, "name");
  const bool csv_name = name.size() > 4 && (name.compare(name.size() - 4, 4, ".csv") == 0 ||
                                            name.compare(name.size() - 4, 4, ".CSV") == 0);
  return StringField(file, "filetype") == "csv" || csv_name;
}
}  // namespace

SlackFileFetcher::SlackFileFetcher(std::string api_base_url, std::string bot_token, HttpClient& client,
                                   EventHandler& handler)
    : api_base_url_(std::move(api_base_url)), bot_token_(std::move(bot_token)), client_(client), handler_(handler) {
  while (!api_base_url_.empty() && api_base_url_.back() == '/') api_base_url_.pop_back();
  if (auto split = SplitUrl(api_base_url_)) api_origin_ = split->first + "/";
}

void SlackFileFetcher::Fetch(const Event& shared, const std::string& file_id) {
  if (bot_token_.empty()) {
    spdlog::warn("slack file {} ignored: SLACK_BOT_TOKEN is not set", file_id);
    return;
  }
  queue_.Post([this, shared, file_id] { Import(shared, file_id); });
}

void SlackFileFetcher::Import(Event event, const std::string& file_id) {
  auto info = client_.Get(api_base_url_ + "/files.info?file=" + file_id, {{"Authorization", "Bearer " + bot_token_}});
  if (!info.ok()) {
    spdlog::warn("slack files.info {} failed: {}", file_id, info.status().message());
    return;
  }
  const auto parsed = nlohmann::json::parse(info->body, nullptr, false);
  const bool ok = parsed.is_object() && parsed.contains("ok") && parsed["ok"] == true;
  if (!ok || !parsed.contains("file") || !parsed["file"].is_object()) {
    const std::string why = parsed.is_object() ? StringField(parsed, "error") : "";
    spdlog::warn("slack files.info {} refused: {}", file_id, why.empty() ? "malformed response" : why);
    return;
  }
  const auto& file = parsed["file"];
  if (!IsCsv(file)) return;  // photos, documents: not for the bot
  const auto size = file.find("size");
  const std::size_t bytes = size != file.end() && size->is_number_unsigned() ? size->get<std::size_t>() : 0;
  const std::string content = Download(StringField(file, "url_private_download"), bytes);
  if (content.empty()) return;
  const std::string name = StringField(file, "name");
  event.attachment = Event::Attachment{name.empty() ? "roster.csv" : name, content};
  const Reply reply = handler_.Handle(event);
  if (reply.failed) spdlog::warn("slack file {}: the store was unavailable; share it again", file_id);
}

std::string SlackFileFetcher::Download(const std::string& url, std::size_t size) {
  // The bot token goes only to Slack's file host (or the configured API origin).
  const bool allowed = url.rfind("https://files.slack.com/", 0) == 0 || (!api_origin_.empty() && url.rfind(api_origin_, 0) == 0);
  if (!allowed) {
    spdlog::warn("slack file download refused: not a Slack file URL");
    return "";
  }
  if (size > kMaxFileBytes) {
    spdlog::warn("slack file download skipped: {} bytes is over the {} byte limit", size, kMaxFileBytes);
    return "";
  }
  auto response = client_.Get(url, {{"Authorization", "Bearer " + bot_token_}});
  if (!response.ok() || response->status != 200) {
    spdlog::warn("slack file download failed: {}",
                 response.ok() ? "http " + std::to_string(response->status) : response.status().message());
    return "";
  }
  if (response->body.size() > kMaxFileBytes) return "";
  return response->body;
}

}  // namespace mentorbot
