#include "bot/app/metrics_endpoint.h"

#include <cctype>
#include <chrono>

#include "adapters/common/hmac.h"

namespace mentorbot {

namespace {
constexpr const char* kRequests = "mentorbot_http_requests_total";
constexpr const char* kDuration = "mentorbot_http_request_duration_seconds";
constexpr const char* kOutbox = "mentorbot_outbox_messages";
constexpr const char* kNotBooked = "mentorbot_calendar_sessions_not_booked";
constexpr const char* kSent = "mentorbot_messages_sent_total";
constexpr const char* kFailed = "mentorbot_messages_failed_total";
constexpr const char* kLag = "mentorbot_scheduler_lag_seconds";
constexpr const char* kDatabaseBytes = "mentorbot_database_bytes";

bool StartsWithIgnoringCase(const std::string& text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}
}  // namespace

MetricsEndpoint::MetricsEndpoint(SqliteStore& store, const OutboxWorker& outbox, const SchedulerLoop* scheduler,
                                 std::string token)
    : store_(store), outbox_(outbox), scheduler_(scheduler), token_(std::move(token)) {
  requests_.Declare(kRequests, MetricsRegistry::Type::kCounter, "HTTP requests answered, by route and status.");
  requests_.Declare(kDuration, MetricsRegistry::Type::kHistogram, "Time to answer an HTTP request, by route.",
                    MetricsRegistry::LatencyBuckets());
}

void MetricsEndpoint::RecordRequest(const std::string& route, int status, double seconds) {
  requests_.Add(kRequests, {{"route", route}, {"status", std::to_string(status)}});
  requests_.Observe(kDuration, {{"route", route}}, seconds);
}

bool MetricsEndpoint::Authorized(const HttpRequest& request) const {
  if (token_.empty()) return true;
  const std::string header = request.Header("authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (!StartsWithIgnoringCase(header, kScheme)) return false;
  // Comparing MACs of equal length hides even the token's length.
  return ConstantTimeEquals(HmacSha256Hex("metrics-token", header.substr(kScheme.size())),
                            HmacSha256Hex("metrics-token", token_));
}

std::string MetricsEndpoint::RenderScrapeTime(RequestLogFields& log) {
  MetricsRegistry now;  // fresh each scrape: nothing stale survives a failed read
  now.Declare(kOutbox, MetricsRegistry::Type::kGauge, "Messages in the outbox, by state.");
  now.Declare(kSent, MetricsRegistry::Type::kCounter, "Messages this process delivered, by platform.");
  now.Declare(kFailed, MetricsRegistry::Type::kCounter,
              "Messages this process marked failed for good (permanent error or out of attempts), by platform.");
  now.Declare(kLag, MetricsRegistry::Type::kGauge,
              "How late the scheduler's last tick started versus when it was due (0 before the second tick).");
  now.Declare(kDatabaseBytes, MetricsRegistry::Type::kGauge, "Size of the SQLite database file (without its WAL).");

  now.Declare(kNotBooked, MetricsRegistry::Type::kGauge,
              "Sessions whose latest change the calendar service could not make (the people got a file instead).");

  OutboxCounts counts;
  int not_booked = 0;
  const Status read = store_.Run(Store::Access::kRead, [&](StoreTransaction& tx) {
    counts = tx.outbox().Counts();
    not_booked = tx.calendar().CountGaveUp();
  });
  if (read.ok()) {
    now.Set(kNotBooked, {}, not_booked);
    now.Set(kOutbox, {{"state", "pending"}}, counts.pending);
    now.Set(kOutbox, {{"state", "delivered"}}, counts.delivered);
    now.Set(kOutbox, {{"state", "failed"}}, counts.failed);
  } else {
    log.detail = "outbox counts: " + read.message();
  }
  for (const auto& [platform, totals] : outbox_.Totals()) {
    const std::string name(PlatformName(platform));
    now.Set(kSent, {{"platform", name}}, static_cast<double>(totals.sent));
    now.Set(kFailed, {{"platform", name}}, static_cast<double>(totals.failed));
  }
  const double lag = scheduler_ != nullptr ? std::chrono::duration<double>(scheduler_->lag()).count() : 0.0;
  now.Set(kLag, {}, lag);
  if (auto bytes = store_.DatabaseBytes(); bytes.ok()) {
    now.Set(kDatabaseBytes, {}, static_cast<double>(*bytes));
  } else {
    log.detail += (log.detail.empty() ? "" : "; ") + std::string("database size: ") + bytes.status().message();
  }
  return now.Render();
}

HttpResponse MetricsEndpoint::Handle(const HttpRequest& request, RequestLogFields& log) {
  if (!Authorized(request)) {
    log.detail = "metrics: missing or wrong bearer token";
    return HttpResponse::Text(401, "unauthorized\n");
  }
  HttpResponse response = HttpResponse::Text(200, requests_.Render() + RenderScrapeTime(log));
  response.content_type = kContentType;
  return response;
}

}  // namespace mentorbot
