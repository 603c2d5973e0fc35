#include "adapters/common/json_fields.h"
#include "adapters/teams/file_uploader.h"

#include <spdlog/spdlog.h>

namespace mentorbot {

namespace {
using nlohmann::json;

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Message Text(const std::string& text) { return Message{text, {Section{RichText(text), {}, {}}}, {}}; }
}  // namespace

bool IsTeamsFileUrl(const std::string& url, const ServiceUrlPolicy& policy) {
  auto split = SplitUrl(url);
  if (!split) return false;
  const std::string& origin = split->first;  // "https://host[:port]"
  return (origin.rfind("https://", 0) == 0 && EndsWith(origin, ".sharepoint.com")) || policy.Allows(url);
}

void TeamsFileUploader::Answer(const TeamsActivity& activity) {
  const json& value = activity.value;
  const json context = value.is_object() ? value.value("context", json::object()) : json::object();
  const json info = value.is_object() ? value.value("uploadInfo", json::object()) : json::object();
  Consent consent;
  consent.accepted = StringField(value, "action") == "accept";
  consent.file_id = context.is_object() && context.contains("file_id") && context["file_id"].is_number_integer()
                        ? context["file_id"].get<std::int64_t>()
                        : 0;
  consent.upload_url = StringField(info, "uploadUrl");
  consent.content_url = StringField(info, "contentUrl");
  consent.unique_id = StringField(info, "uniqueId");
  consent.name = StringField(info, "name");
  consent.from = activity.From();
  consent.reply_to = Address{consent.from, activity.conversation_id, "", activity.service_url};
  if (consent.file_id <= 0) {
    spdlog::warn("teams file consent without a file id: ignored");
    return;
  }
  queue_.Post([this, consent] { Handle(consent); });
}

void TeamsFileUploader::Handle(const Consent& consent) {
  const std::string id = std::to_string(consent.file_id);
  std::optional<StoredFile> file;
  if (!store_.Run(Store::Access::kRead, [&](StoreTransaction& tx) { file = tx.files().Find(consent.file_id); }).ok()) {
    spdlog::warn("teams file {}: the store is unavailable", id);
    return;
  }
  if (!file || file->owner_key != consent.from.Key()) {
    // Expired, already sent, or someone else's: never say which.
    return Finish(consent, "file:" + id + ":gone:" + consent.from.Key(),
                  Text("That file is no longer available: it was sent or declined already, or it expired."), false);
  }
  if (!consent.accepted) {
    return Finish(consent, "file:" + id + ":declined", Text("Okay, I deleted " + file->name + " without sending it."), true);
  }
  if (std::string error = Upload(consent, *file); !error.empty()) {
    spdlog::warn("teams file {} upload failed: {}", id, error);
    return Finish(consent, "file:" + id + ":failed",
                  Text("I couldn't save " + file->name + " to your OneDrive just now. Please answer the card again "
                       "in a few minutes."),
                  false);
  }
  Message done = Text("Here is " + file->name + ", saved in your OneDrive.");
  done.files.push_back(FileRef{file->id, consent.name.empty() ? file->name : consent.name, file->media_type,
                               static_cast<std::int64_t>(file->content.size()), consent.content_url, consent.unique_id});
  Finish(consent, "file:" + id + ":uploaded", done, true);
}

std::string TeamsFileUploader::Upload(const Consent& consent, const StoredFile& file) {
  if (!IsTeamsFileUrl(consent.upload_url, policy_)) return "upload url not allowed";
  if (consent.content_url.empty()) return "no content url";
  const std::size_t size = file.content.size();
  const std::string range = size == 0 ? "bytes */0" : "bytes 0-" + std::to_string(size - 1) + "/" + std::to_string(size);
  auto response = client_.Put(consent.upload_url, {{"Content-Range", range}}, file.content, file.media_type);
  if (!response.ok()) return response.status().message();
  if (response->status != 200 && response->status != 201) return "http " + std::to_string(response->status);
  return "";
}

void TeamsFileUploader::Finish(const Consent& consent, const std::string& key, const Message& message, bool erase) {
  bool queued = false;
  Status written = store_.Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    const TimePoint now = clock_.Now();
    queued = tx.outbox().Enqueue(key, consent.reply_to, message, now, now);
    if (erase) tx.files().Erase(consent.file_id);
  });
  if (!written.ok()) spdlog::warn("teams file {}: {}", consent.file_id, written.message());
  if (queued && enqueued_) enqueued_();
}

}  // namespace mentorbot
