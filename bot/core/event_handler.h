// EventHandler: the port through which platform adapters hand normalised
// events to the conversation engine, without depending on it.
// Implementations must be safe to call from several threads at once.
#pragma once

#include "bot/core/event.h"
#include "bot/core/message.h"

namespace mentorbot {

class EventHandler {
 public:
  virtual ~EventHandler() = default;
  virtual Reply Handle(const Event& event) = 0;
};

}  // namespace mentorbot
