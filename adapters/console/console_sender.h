// ConsoleSender: delivers queued messages to the person chatting on the
// console by printing them, so two people can run the whole program in two
// terminals with no Slack or Teams account.
// Thread-safety: used from one thread (the chat loop).
#pragma once

#include <ostream>

#include "bot/core/outbound.h"

namespace mentorbot {

class ConsoleSender : public Sender {
 public:
  explicit ConsoleSender(std::ostream& out) : out_(out) {}
  DeliveryResult Deliver(const OutboundMessage& message) override;

 private:
  std::ostream& out_;
};

}  // namespace mentorbot
