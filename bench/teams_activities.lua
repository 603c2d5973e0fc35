-- wrk script: Teams message activities "status" from the benchmark's mentee,
-- each with the Bot Framework token in MENTORBOT_BENCH_AUTHORIZATION and a
-- unique id (mentorbot handles a repeated id once, as a redelivery, so ids
-- carry MENTORBOT_BENCH_RUN: a warm-up and the measured run never share one).
local threads = 0
local counter = 0
local headers, before_id, after_id

function setup(thread)
  threads = threads + 1
  thread:set("tag", os.getenv("MENTORBOT_BENCH_RUN") .. "-" .. threads)
end

function init(args)
  headers = {["Content-Type"] = "application/json",
             ["Authorization"] = os.getenv("MENTORBOT_BENCH_AUTHORIZATION")}
  before_id = '{"type":"message","id":"' .. tag .. "-"
  after_id = '","serviceUrl":"' .. os.getenv("MENTORBOT_BENCH_SERVICE_URL") .. '","channelId":"msteams",' ..
             '"text":"status","from":{"id":"29:aad-mentee","aadObjectId":"aad-mentee"},' ..
             '"recipient":{"id":"28:' .. os.getenv("MENTORBOT_BENCH_APP_ID") .. '"},' ..
             '"conversation":{"id":"a:aad-mentee","conversationType":"personal","tenantId":"tenant-bench"},' ..
             '"channelData":{"tenant":{"id":"tenant-bench"}}}'
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, headers, before_id .. counter .. after_id)
end

dofile("bench/wrk_report.lua")  -- defines done(): the report
