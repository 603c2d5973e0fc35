// OutboundMessage and Sender: what the bot says to someone other than the
// person who acted (a partner told of a new agenda, an announcement, a
// reminder). The engine writes these to the outbox in the same transaction
// as the change that caused them; the outbox worker hands each to the
// Sender of the recipient's platform.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "bot/core/address.h"
#include "bot/core/clock.h"
#include "bot/core/message.h"

namespace mentorbot {

struct OutboundMessage {
  std::int64_t id = 0;
  // Unique per logical message ("pair:7:kickoff:mentor"): enqueuing the same
  // key twice is a no-op, so a retried command or tick never says it twice.
  std::string key;
  Address to;  // to.conversation_id empty = the person's direct messages
  Message message;
  int attempts = 0;  // deliveries tried before this one
  // The previous attempt ended without a recorded outcome (the process died
  // while sending), so the platform may already have it: check before
  // sending again.
  bool outcome_unknown = false;
  TimePoint created_at{};
};

struct DeliveryResult {
  enum class Outcome {
    kDelivered,         // the platform accepted it
    kRetry,             // transient (429, 5xx, network): try again later
    kPermanentFailure,  // will never work (user gone, bad token): stop trying
  };
  Outcome outcome = Outcome::kDelivered;
  std::chrono::seconds retry_after{0};  // kRetry: the platform's Retry-After, 0 if none
  std::string error;                    // for the log and the outbox row; never a secret

  static DeliveryResult Delivered() { return {}; }
  static DeliveryResult Retry(std::string error, std::chrono::seconds after = std::chrono::seconds(0)) {
    return {Outcome::kRetry, after, std::move(error)};
  }
  static DeliveryResult Permanent(std::string error) {
    return {Outcome::kPermanentFailure, std::chrono::seconds(0), std::move(error)};
  }
};

// Delivers messages to one platform. Called from the outbox worker thread
// only, one message at a time; it may block on the network.
class Sender {
 public:
  virtual ~Sender() = default;
  virtual DeliveryResult Deliver(const OutboundMessage& message) = 0;
};

}  // namespace mentorbot
