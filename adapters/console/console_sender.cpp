#include "adapters/console/console_sender.h"

namespace mentorbot {

DeliveryResult ConsoleSender::Deliver(const OutboundMessage& message) {
  out_ << "[message] " << message.message.PlainText() << "\n\n" << std::flush;
  if (!out_) return DeliveryResult::Retry("console output is closed");
  return DeliveryResult::Delivered();
}

}  // namespace mentorbot
