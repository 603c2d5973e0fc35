-- wrk script: every request is a Teams message activity "status" with a
-- unique id (a repeated id would be dropped as a redelivery) and the Bot
-- Framework token made by load_teams_status.sh.
local counter = 0
local service_url = os.getenv("MENTORBOT_BENCH_SERVICE_URL")

request = function()
  counter = counter + 1
  local body = '{"type":"message","id":"' .. thread_tag .. "-" .. counter .. '","serviceUrl":"' .. service_url ..
               '","channelId":"msteams","text":"status","from":{"id":"29:bench","aadObjectId":"aad-bench"},' ..
               '"recipient":{"id":"28:bench"},"conversation":{"id":"a:bench","conversationType":"personal",' ..
               '"tenantId":"tenant-bench"}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
                                  ["Authorization"] = os.getenv("MENTORBOT_BENCH_AUTHORIZATION")}, body)
end

-- Each wrk thread tags its ids differently.
function setup(thread)
  thread:set("thread_tag", tostring(math.random(1, 1e9)))
end
dofile("bench/wrk_report.lua")  -- defines done(): the report
