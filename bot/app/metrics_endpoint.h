// MetricsEndpoint: GET /metrics in the Prometheus text format (0.0.4). HTTP
// requests are counted as they finish (RecordRequest, the webhook server's
// observer); the outbox, delivery totals, scheduler lag and database size are
// read at scrape time from their owners, so the engine never depends on this.
// With a token (METRICS_TOKEN) a scrape must carry `Authorization: Bearer
// <token>`, else 401.
// Thread-safety: RecordRequest and Handle may run concurrently on any threads.
#pragma once

#include <string>

#include "adapters/common/http_types.h"
#include "adapters/common/metrics_registry.h"
#include "bot/engine/delivery/outbox_worker.h"
#include "bot/engine/scheduling/scheduler_loop.h"
#include "storage/sqlite_store.h"

namespace mentorbot {

class MetricsEndpoint {
 public:
  static constexpr const char* kContentType = "text/plain; version=0.0.4; charset=utf-8";

  // `scheduler` is null when the scheduler does not run in this process.
  // REQUIRES: store, outbox and scheduler outlive the endpoint.
  MetricsEndpoint(SqliteStore& store, const OutboxWorker& outbox, const SchedulerLoop* scheduler, std::string token);
  MetricsEndpoint(const MetricsEndpoint&) = delete;
  MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

  void RecordRequest(const std::string& route, int status, double seconds);
  HttpResponse Handle(const HttpRequest& request, RequestLogFields& log);
  bool protected_by_token() const { return !token_.empty(); }

 private:
  bool Authorized(const HttpRequest& request) const;
  // The values owned elsewhere, read now. Series whose read fails are left
  // out (and named in `log`) rather than shown stale.
  std::string RenderScrapeTime(RequestLogFields& log);

  SqliteStore& store_;
  const OutboxWorker& outbox_;
  const SchedulerLoop* scheduler_;
  std::string token_;
  MetricsRegistry requests_;
};

}  // namespace mentorbot
