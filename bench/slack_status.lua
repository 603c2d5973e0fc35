-- wrk script: every request is a signed Slack slash command. The body,
-- timestamp and signature are computed by load_slack_status.sh (Slack's
-- signature covers the timestamp, so a run must finish within 5 minutes).
wrk.method = "POST"
wrk.body = os.getenv("MENTORBOT_BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = os.getenv("MENTORBOT_BENCH_TIMESTAMP")
wrk.headers["X-Slack-Signature"] = os.getenv("MENTORBOT_BENCH_SIGNATURE")

dofile("bench/wrk_report.lua")  -- defines done(): the report
