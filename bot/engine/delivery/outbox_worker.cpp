#include "bot/engine/delivery/outbox_worker.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace mentorbot {

OutboxWorker::OutboxWorker(Store& store, const Clock& clock, std::map<Platform, Sender*> senders,
                           OutboxOptions options, std::optional<UserRef> only_recipient)
    : store_(store), clock_(clock), senders_(std::move(senders)), options_(options) {
  for (const auto& [platform, sender] : senders_) {
    filter_.platforms.push_back(platform);
    tallies_.try_emplace(platform);
  }
  filter_.recipient = std::move(only_recipient);
}

std::chrono::seconds OutboxWorker::Backoff(const OutboxOptions& options, int attempt, std::int64_t message_id) {
  const int doublings = std::clamp(attempt - 1, 0, 20);
  const std::chrono::seconds exponential =
      std::min<std::chrono::seconds>(options.max_backoff, options.first_backoff * (1LL << doublings));
  // Jitter (up to +50%) spreads retries so a platform outage doesn't end in
  // a thundering herd; derived from the id so it is reproducible in tests.
  const std::uint64_t mix = static_cast<std::uint64_t>(message_id) * 2654435761ULL + static_cast<std::uint64_t>(attempt);
  const std::chrono::seconds jitter = exponential * static_cast<long long>(mix % 50) / 100;
  return std::min<std::chrono::seconds>(options.max_backoff, exponential + jitter);
}

int OutboxWorker::DeliverDue() {
  int attempted = 0;
  while (true) {
    std::vector<OutboundMessage> batch;
    const TimePoint now = clock_.Now();
    Status claimed = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
      batch = store.outbox().ClaimDue(now, options_.batch, options_.lease, filter_);
    });
    if (!claimed.ok()) {
      spdlog::error("outbox: cannot claim messages: {}", claimed.message());
      return attempted;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (signal_.stopping()) {
        Release(batch, i);
        return attempted;
      }
      const OutboundMessage& message = batch[i];
      Sender* sender = senders_.at(message.to.user.platform);
      DeliveryResult result;
      try {
        result = sender->Deliver(message);
      } catch (const std::exception& e) {
        result = DeliveryResult::Retry(std::string("sender error: ") + e.what());
      }
      Finish(message, result);
      ++attempted;
    }
    if (static_cast<int>(batch.size()) < options_.batch || signal_.stopping()) return attempted;
  }
}

void OutboxWorker::Release(const std::vector<OutboundMessage>& batch, std::size_t from) {
  const TimePoint now = clock_.Now();
  Status saved = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
    for (std::size_t i = from; i < batch.size(); ++i) {
      store.outbox().MarkRetry(batch[i].id, now, "not attempted: the worker stopped");
    }
  });
  // Unreleased claims are taken again when their lease ends: nothing is lost.
  if (!saved.ok()) spdlog::error("outbox: cannot release claimed messages: {}", saved.message());
  spdlog::info("outbox: stopping; {} claimed messages left for the next start", batch.size() - from);
}

std::map<Platform, OutboxWorker::DeliveryTotals> OutboxWorker::Totals() const {
  std::map<Platform, DeliveryTotals> totals;
  for (const auto& [platform, tally] : tallies_) {
    totals[platform] = DeliveryTotals{tally.sent.load(), tally.failed.load()};
  }
  return totals;
}

void OutboxWorker::Finish(const OutboundMessage& message, const DeliveryResult& result) {
  const TimePoint now = clock_.Now();
  const int attempt = message.attempts + 1;
  Status saved = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
    auto& outbox = store.outbox();
    switch (result.outcome) {
      case DeliveryResult::Outcome::kDelivered: outbox.MarkDelivered(message.id, now); break;
      case DeliveryResult::Outcome::kPermanentFailure: outbox.MarkFailed(message.id, now, result.error); break;
      case DeliveryResult::Outcome::kRetry:
        if (attempt >= options_.max_attempts) {
          outbox.MarkFailed(message.id, now, "gave up after " + std::to_string(attempt) + " attempts: " + result.error);
        } else {
          const auto delay = result.retry_after.count() > 0 ? result.retry_after : Backoff(options_, attempt, message.id);
          outbox.MarkRetry(message.id, now + delay, result.error);
        }
        break;
    }
  });
  const auto platform = PlatformName(message.to.user.platform);
  if (saved.ok()) {
    Tally& tally = tallies_.at(message.to.user.platform);
    if (result.outcome == DeliveryResult::Outcome::kDelivered) ++tally.sent;
    const bool gave_up = result.outcome == DeliveryResult::Outcome::kRetry && attempt >= options_.max_attempts;
    if (result.outcome == DeliveryResult::Outcome::kPermanentFailure || gave_up) ++tally.failed;
  }
  if (!saved.ok()) {
    // The lease runs out and the message is tried again: at-least-once.
    spdlog::error("outbox: message {} outcome not saved: {}", message.id, saved.message());
  } else if (result.outcome == DeliveryResult::Outcome::kDelivered) {
    spdlog::info("outbox: delivered message {} to {} user {} (attempt {})", message.id, platform, message.to.user.user_id, attempt);
  } else {
    spdlog::warn("outbox: message {} to {} user {} not delivered (attempt {}): {}{}", message.id, platform,
                 message.to.user.user_id, attempt, result.error,
                 result.outcome == DeliveryResult::Outcome::kPermanentFailure ? " (permanent)" : "");
  }
}

void OutboxWorker::Run() {
  std::chrono::seconds wait = options_.idle_recheck;
  do {
    DeliverDue();
    std::optional<TimePoint> next;
    store_.Run(Store::Access::kRead, [&](StoreTransaction& store) { next = store.outbox().NextDue(filter_); });
    wait = options_.idle_recheck;
    if (next) wait = std::clamp(std::chrono::duration_cast<std::chrono::seconds>(*next - clock_.Now()), std::chrono::seconds(0), wait);
  } while (signal_.Wait(wait));
}

}  // namespace mentorbot
