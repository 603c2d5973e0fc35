-- wrk report shared by the load scripts: totals, errors and latency percentiles.
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
