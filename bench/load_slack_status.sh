#!/usr/bin/env bash
# Load test: signed `/mentor status` slash commands against a real mentorbot
# on 127.0.0.1 with wrk. Starts its own bot (release build, temp database),
# enrols the user, then runs wrk at fixed concurrency and prints requests/s
# and latency percentiles. Loopback only; stops by itself.
#   bench/load_slack_status.sh [connections=32] [seconds=20] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/release_build.sh "$@"

work=$(mktemp -d)
trap 'kill $bot_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
cat >"$work/config.json" <<JSON
{"server": {"host": "127.0.0.1", "port": 0, "threads": $((connections + 4))},
 "database": {"path": "$work/bench.db"}, "log": {"level": "warn"}}
JSON
export SLACK_SIGNING_SECRET=bench-signing-secret
build/release/mentorbot serve --config "$work/config.json" >"$work/out" 2>"$work/log" &
bot_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/out")
[ -n "$port" ] || { echo "mentorbot did not start"; cat "$work/log"; exit 1; }

signed_post() {  # body -> exports the signed request for curl and wrk
  export MENTORBOT_BENCH_BODY="$1"
  export MENTORBOT_BENCH_TIMESTAMP=$(date +%s)
  export MENTORBOT_BENCH_SIGNATURE="v0=$(printf 'v0:%s:%s' "$MENTORBOT_BENCH_TIMESTAMP" "$1" |
    openssl dgst -sha256 -hmac "$SLACK_SIGNING_SECRET" | sed 's/^.* //')"
}
body_for() { echo "team_id=T0BENCH&user_id=U0BENCH&user_name=bench&channel_id=D0BENCH&command=%2Fmentor&text=$1"; }

signed_post "$(body_for 'join+mentee')"
curl -sf -o /dev/null "http://127.0.0.1:$port/slack/commands" -H "X-Slack-Request-Timestamp: $MENTORBOT_BENCH_TIMESTAMP" \
  -H "X-Slack-Signature: $MENTORBOT_BENCH_SIGNATURE" --data "$MENTORBOT_BENCH_BODY"

signed_post "$(body_for 'status')"
echo "mentorbot $(build/release/mentorbot --version | cut -d' ' -f2), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "wrk -t$wrk_threads -c$connections -d${seconds}s: signed /mentor status"
wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency -s bench/slack_status.lua "http://127.0.0.1:$port/slack/commands" |
  sed -n '/^requests:/,$p'
echo "bot resident memory after the run: $(ps -o rss= -p $bot_pid | xargs) KiB"
