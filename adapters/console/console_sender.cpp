#include "adapters/console/console_sender.h"

#include <fstream>

namespace mentorbot {

DeliveryResult ConsoleSender::SaveFile(const FileRef& ref) {
  std::optional<StoredFile> file;
  if (store_ == nullptr ||
      !store_->Run(Store::Access::kRead, [&](StoreTransaction& tx) { file = tx.files().Find(ref.id); }).ok()) {
    return DeliveryResult::Retry("the file store is unavailable");
  }
  if (!file) return DeliveryResult::Permanent("file " + std::to_string(ref.id) + " is no longer stored");
  // Only the name's last part: a stored name never picks the directory.
  const auto path = files_dir_ / std::filesystem::path(file->name).filename();
  const auto partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << file->content;
    if (!out.flush()) return DeliveryResult::Permanent("cannot write " + partial);
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) return DeliveryResult::Permanent("cannot write " + path.string() + ": " + error.message());
  out_ << "[file] saved " << path.string() << " (" << file->content.size() << " bytes)\n";
  return DeliveryResult::Delivered();
}

DeliveryResult ConsoleSender::Deliver(const OutboundMessage& message) {
  for (const FileRef& file : message.message.files) {
    DeliveryResult saved = SaveFile(file);
    if (saved.outcome != DeliveryResult::Outcome::kDelivered) return saved;
  }
  out_ << "[message] " << message.message.PlainText() << "\n\n" << std::flush;
  if (!out_) return DeliveryResult::Retry("console output is closed");
  return DeliveryResult::Delivered();
}

}  // namespace mentorbot
