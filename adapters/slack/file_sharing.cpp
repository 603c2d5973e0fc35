// SlackWebApiSender's file sharing: Slack's two-step external upload
// (files.getUploadURLExternal, the bytes to the upload URL, then
// files.completeUploadExternal to share them in the conversation).
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "adapters/common/form_decoding.h"
#include "adapters/slack/web_api_sender.h"

namespace mentorbot {

namespace {
using nlohmann::json;

std::optional<StoredFile> LoadFile(Store& store, std::int64_t id) {
  std::optional<StoredFile> file;
  if (!store.Run(Store::Access::kRead, [&](StoreTransaction& tx) { file = tx.files().Find(id); }).ok()) return std::nullopt;
  return file;
}
}  // namespace

DeliveryResult SlackWebApiSender::UploadFile(const FileRef& ref, std::string& file_id) {
  const std::optional<StoredFile> file = LoadFile(*store_, ref.id);
  if (!file) return DeliveryResult::Permanent("file " + std::to_string(ref.id) + " is no longer stored");
  std::string body;
  DeliveryResult started = Call("files.getUploadURLExternal",
                                "filename=" + FormEncodeValue(file->name) + "&length=" + std::to_string(file->content.size()),
                                body, "application/x-www-form-urlencoded");
  if (started.outcome != DeliveryResult::Outcome::kDelivered) return started;
  const json answer = json::parse(body, nullptr, false);
  if (!answer.is_object() || !answer.contains("upload_url") || !answer["upload_url"].is_string() ||
      !answer.contains("file_id") || !answer["file_id"].is_string()) {
    return DeliveryResult::Retry("files.getUploadURLExternal: no upload_url or file_id in the response");
  }
  const std::string url = answer["upload_url"].get<std::string>();
  // The bytes are private: they only go to Slack's own upload host.
  const bool allowed = url.rfind("https://files.slack.com/", 0) == 0 || (!api_origin_.empty() && url.rfind(api_origin_, 0) == 0);
  if (!allowed) return DeliveryResult::Permanent("upload_url outside Slack");
  auto uploaded = client_.Post(url, {}, file->content, "application/octet-stream");
  if (!uploaded.ok()) return DeliveryResult::Retry("file upload: " + uploaded.status().message());
  if (uploaded->status != 200) return DeliveryResult::Retry("file upload: http " + std::to_string(uploaded->status));
  file_id = answer["file_id"].get<std::string>();
  return DeliveryResult::Delivered();
}

DeliveryResult SlackWebApiSender::ShareFiles(const std::string& channel, const OutboundMessage& message) {
  if (store_ == nullptr) return DeliveryResult::Permanent("no file store");
  json files = json::array();
  for (const FileRef& ref : message.message.files) {
    std::string file_id;
    DeliveryResult uploaded = UploadFile(ref, file_id);
    if (uploaded.outcome != DeliveryResult::Outcome::kDelivered) return uploaded;
    files.push_back({{"id", file_id}, {"title", ref.name}});
  }
  const json payload{{"files", files}, {"channel_id", channel}, {"initial_comment", message.message.PlainText()}};
  std::string body;
  DeliveryResult shared = Call("files.completeUploadExternal", payload.dump(-1, ' ', false, json::error_handler_t::replace), body);
  if (shared.outcome != DeliveryResult::Outcome::kDelivered) return shared;
  // Shared: Slack has the copy the person reads; ours is no longer needed.
  Status erased = store_->Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    for (const FileRef& ref : message.message.files) tx.files().Erase(ref.id);
  });
  if (!erased.ok()) spdlog::warn("shared files of {} stay stored until they expire: {}", message.key, erased.message());
  return shared;
}

}  // namespace mentorbot
