// ConsoleSender: delivers queued messages to the person chatting on the
// console by printing them, so two people can run the whole program in two
// terminals with no Slack or Teams account. Files a message hands over (an
// export) are saved in the given directory and their paths printed.
// Thread-safety: used from one thread (the chat loop).
#pragma once

#include <filesystem>
#include <ostream>

#include "bot/core/outbound.h"
#include "bot/core/store.h"

namespace mentorbot {

class ConsoleSender : public Sender {
 public:
  // `store` holds the files messages hand over; null = such messages fail.
  explicit ConsoleSender(std::ostream& out, Store* store = nullptr, std::filesystem::path files_dir = ".")
      : out_(out), store_(store), files_dir_(std::move(files_dir)) {}
  DeliveryResult Deliver(const OutboundMessage& message) override;

 private:
  DeliveryResult SaveFile(const FileRef& file);

  std::ostream& out_;
  Store* store_;
  std::filesystem::path files_dir_;
};

}  // namespace mentorbot
