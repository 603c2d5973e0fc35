-- wrk script: cycles through pre-signed Slack slash commands made by
-- load_requests.js (wrk's Lua has no HMAC). The file named by
-- MENTORBOT_BENCH_REQUESTS holds one "timestamp<TAB>signature<TAB>body" per
-- line; each is formatted once, here, so wrk sends prepared bytes.
local requests = {}
local next_request = 1
local threads = 0

function setup(thread)  -- threads start at different lines
  threads = threads + 1
  thread:set("first_line", threads * 997)
end

function init(args)
  for line in io.lines(os.getenv("MENTORBOT_BENCH_REQUESTS")) do
    local timestamp, signature, body = line:match("^(%d+)\t(%S+)\t(.+)$")
    requests[#requests + 1] = wrk.format("POST", nil, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Slack-Request-Timestamp"] = timestamp,
      ["X-Slack-Signature"] = signature}, body)
  end
  next_request = first_line % #requests + 1
end

function request()
  local prepared = requests[next_request]
  next_request = next_request % #requests + 1
  return prepared
end

dofile("bench/wrk_report.lua")  -- defines done(): the report
