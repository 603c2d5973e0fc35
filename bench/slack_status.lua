-- wrk script: every request is a signed Slack slash command. The body,
-- timestamp and signature are computed by load_slack_status.sh (Slack's
-- signature covers the timestamp, so a run must finish within 5 minutes).
wrk.method = "POST"
wrk.body = os.getenv("MENTORBOT_BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = os.getenv("MENTORBOT_BENCH_TIMESTAMP")
wrk.headers["X-Slack-Signature"] = os.getenv("MENTORBOT_BENCH_SIGNATURE")

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.status + summary.errors.timeout
  io.write(string.format("requests: %d  errors: %d  non-2xx: %d\n", summary.requests, errors,
                         summary.errors.status))
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s latency: %.3f ms\n", p, latency:percentile(p) / 1000))
  end
end
