#!/usr/bin/env bash
# Load benchmark on loopback: mentorbot against a minimal Slack Bolt for JS app
# and a minimal Bot Framework JS bot (bench/peers), under the same wrk load.
#   bash bench/run_load_bench.sh [SECONDS=30] [CONNECTIONS=32]
# One after another, each after a 3 s warm-up of the same load (not counted):
#   mentorbot   /mentor status     signed slash commands, the 16 members of 8 pairs in turn
#   mentorbot   /mentor takeaways  signed, each text different: a durable write + a message to the mentor
#   mentorbot   Teams "status"     message activities, valid RS256 token, unique ids
#   Bolt        /mentor status     the very same requests as mentorbot's status run
#   botbuilder  Teams "status"     the very same activities as mentorbot's Teams run
# Prints requests/s, p50/p99 latency and errors per run, the ratios, the CPU the
# server and wrk used in each run, mentorbot's
# resident memory idle and every few seconds under load, its outbox backlog,
# and issue 9's targets. Exits 1 if any request failed or got a 4xx/5xx (wrk
# counts no other statuses; a valid request of each kind is checked for 200 first), or a
# forged request was accepted (mentorbot and Bolt must answer it 401).
# Every "platform" (OpenID metadata, JWKS, token endpoint, Teams connector,
# Slack Web API) is bench/peers/platform_stub.js on 127.0.0.1: nothing leaves
# the machine. mentorbot is built in $MENTORBOT_BENCH_BUILD_DIR (build/bench-load).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-32}
build=${MENTORBOT_BENCH_BUILD_DIR:-build/bench-load}
warmup=3
wrk_threads=2
# Slack refuses signatures older than 5 minutes; requests are signed before each warm-up.
[ "$seconds" -ge 1 ] && [ "$seconds" -le 240 ] || { echo "SECONDS must be 1 to 240"; exit 2; }

# --- tools, peers and the release build ---------------------------------------
bash scripts/install-deps.sh --bench
if ! command -v node >/dev/null || ! command -v npm >/dev/null || ! command -v sqlite3 >/dev/null; then
  as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends nodejs npm sqlite3
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || { echo "Node.js 20 or later is needed (@slack/bolt 5); found $(node --version)"; exit 1; }
for peer in bench/peers/bolt bench/peers/botbuilder; do  # npm ci from the committed lock file, again only if it changed
  cmp -s $peer/package-lock.json $peer/node_modules/.installed-lock.json ||
    (cd $peer && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
done
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DMENTORBOT_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target mentorbot >/dev/null

# --- processes ----------------------------------------------------------------
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start NAME COMMAND...: runs it in the background; sets $port (from its
# "listening on http://127.0.0.1:PORT" line) and $pid.
start() {
  local name=$1; shift
  : >"$work/$name.out"  # now: the background job opens it a moment later
  "$@" >"$work/$name.out" 2>"$work/$name.log" &
  pid=$!; pids+=("$pid")
  for _ in $(seq 200); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/$name.out")
    [ -n "$port" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name did not start:"; cat "$work/$name.out" "$work/$name.log"; exit 1
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }
teams_replies() { curl -s "$stub/stats" | sed -n 's/.*"teams-activity":\([0-9]*\).*/\1/p'; }  # sent to the stub so far
rss_mib() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
# Messages in mentorbot's outbox that are due and not yet delivered (a read-only look; WAL allows it).
outbox_due() {
  sqlite3 -readonly "$work/mentorbot.db" \
    "SELECT count(*) FROM outbox WHERE state = 'pending' AND not_before <= strftime('%s', 'now')"
}

export SLACK_SIGNING_SECRET=bench-signing-secret
app_id=00000000-0000-0000-0000-0000000bench1
app_password=bench-app-password
node bench/load_requests.js keys "$work"
start stub node bench/peers/platform_stub.js "$work/jwks.json"
stub="http://127.0.0.1:$port"
service_url="$stub/teams/"
openid="$stub/v1/.well-known/openidconfiguration"

# --- requests -----------------------------------------------------------------
mentors=$(printf 'U0MENTOR%d,' 1 2 3 4 5 6 7 8); mentees=$(printf 'U0MENTEE%d,' 1 2 3 4 5 6 7 8)
sign() {  # file users text: 16384 signed slash commands, timestamped now
  node bench/load_requests.js slack "$SLACK_SIGNING_SECRET" 16384 "$2" "$3" >"$work/$1"
}
slack_post() {  # port user text [signature prefix] -> HTTP status of one signed command; body in $work/reply
  node bench/load_requests.js slack "$SLACK_SIGNING_SECRET" 1 "$2" "$3" >"$work/one"
  IFS=$'\t' read -r timestamp signature body <"$work/one"
  curl -s -o "$work/reply" -w '%{http_code}' -H "X-Slack-Request-Timestamp: $timestamp" \
    -H "X-Slack-Signature: ${4:-}$signature" --data "$body" "http://127.0.0.1:$1/slack/commands"
}
slack_ok() {  # port user text: the command must be answered 200
  local status; status=$(slack_post "$@")
  [ "$status" = 200 ] || { echo "'$3' from $2 refused: $status $(cat "$work/reply")"; exit 1; }
}
activity() {  # id aad text: a Teams message activity in the person's 1:1 chat
  printf '{"type":"message","id":"%s","serviceUrl":"%s","channelId":"msteams","text":"%s",' "$1" "$service_url" "$3"
  printf '"from":{"id":"29:%s","aadObjectId":"%s"},"recipient":{"id":"28:%s"},' "$2" "$2" "$app_id"
  printf '"conversation":{"id":"a:%s","conversationType":"personal","tenantId":"tenant-bench"},' "$2"
  printf '"channelData":{"tenant":{"id":"tenant-bench"}}}'
}
teams_post() {  # port token activity -> HTTP status
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    --data "$3" "http://127.0.0.1:$1/api/messages"
}
expect() {  # what got want
  [ "$2" = "$3" ] || { echo "FAILED: $1: got $2, want $3"; exit 1; }
  echo "  ok: $1 -> $2"
}
token=$(node bench/load_requests.js jwt "$work" "$app_id" "$service_url")  # valid 1 h
forged=${token%?????}AAAAA  # the same token with its signature altered
export MENTORBOT_BENCH_AUTHORIZATION="Bearer $token" MENTORBOT_BENCH_SERVICE_URL=$service_url
export MENTORBOT_BENCH_APP_ID=$app_id

# --- wrk runs -----------------------------------------------------------------
rows=()
cpu=()      # CPU used by the server and by wrk during each measured run
backlog=()  # mentorbot's outbox after each of its runs
failures=0
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # user + system time so far, in clock ticks
# measure LABEL URL LUA SERVER_PID [rss]: a warm-up, then the measured run; the
# CPU the server and wrk used during it; with "rss", the server's memory every few seconds.
measure() {
  local label=$1 url=$2 script=$3 server=$4 sampled= sampler= file=${1//[^A-Za-z]/-}
  [ "${5:-}" = rss ] && sampled=$server
  export MENTORBOT_BENCH_RUN="$label-warmup"
  wrk -t$wrk_threads -c"$connections" -d${warmup}s -s "$script" "$url" >/dev/null
  export MENTORBOT_BENCH_RUN="$label"
  if [ -n "$sampled" ]; then  # resident memory every few seconds while wrk runs
    (while kill -0 "$sampled" 2>/dev/null; do rss_mib "$sampled"; echo; sleep $(( seconds >= 20 ? 5 : 1 )); done) \
      >"$work/rss.$file" &
    sampler=$!
  fi
  local ticks_before wrk_cpu TIMEFORMAT='%U %S'
  ticks_before=$(cpu_ticks "$server")
  wrk_cpu=$( { time wrk -t$wrk_threads -c"$connections" -d"${seconds}s" --latency -s "$script" "$url" \
                 >"$work/wrk.$file" 2>"$work/wrk-errors.$file"; } 2>&1 )
  cpu+=("$(awk -v label="$label" -v ticks=$(( $(cpu_ticks "$server") - ticks_before )) -v hz="$(getconf CLK_TCK)" \
               -v wrk="$wrk_cpu" -v s="$seconds" \
           'BEGIN { split(wrk, w, " "); printf "%-30s server %.2f cores, wrk %.2f cores", label, ticks / hz / s, (w[1] + w[2]) / s }')")
  [ -z "$sampler" ] || { kill "$sampler"; wait "$sampler" 2>/dev/null || true; }
  [ -z "$sampled" ] || backlog+=("$(outbox_due) after $label")
  local row
  row=$(awk -v label="$label" '
    /^requests: /    { errors = $4; non2xx = $6 }
    /^requests\/s: / { rps = $2 }
    /^p50 latency: / { p50 = $3 }
    /^p99 latency: / { p99 = $3 }
    END { printf "%-30s %11.0f %9.2f %9.2f %8d %8d", label, rps, p50, p99, errors, non2xx }' "$work/wrk.$file")
  rows+=("$row")
  echo "$row"
  if [ "$(awk '/^requests: / {print $4}' "$work/wrk.$file")" != 0 ]; then
    failures=$((failures + 1)); sed -n '/^Running/,$p' "$work/wrk.$file"
  fi
}
rps_of() { awk -v label="$1" '$0 ~ "^" label " " {print $(NF-4)}' <<<"$(printf '%s\n' "${rows[@]}")"; }
# The label is padded to 30 columns, so a run is found by its full label.

echo "mentorbot $("$build/mentorbot" --version | cut -d' ' -f2), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "wrk -t$wrk_threads -c$connections -d${seconds}s after a ${warmup}s warm-up, each run"

# --- 1. mentorbot --------------------------------------------------------------
cat >"$work/config.json" <<JSON
{"server": {"host": "127.0.0.1", "port": 0, "threads": $((connections + 4))},
 "database": {"path": "$work/mentorbot.db"}, "log": {"level": "warn"},
 "slack": {"api_base_url": "$stub/slack/api"},
 "program": {"admins": ["slack:T0BENCH:U0ADMIN", "teams:tenant-bench:aad-admin"]},
 "teams": {"openid_metadata_url": "$openid", "token_url": "$stub/oauth2/v2.0/token",
           "service_url_allowlist": ["$service_url"]}}
JSON
start mentorbot env SLACK_BOT_TOKEN=xoxb-bench TEAMS_APP_ID=$app_id TEAMS_APP_PASSWORD=$app_password \
  "$build/mentorbot" serve --config "$work/config.json"
bot=$port bot_pid=$pid
sleep 1
idle_rss=$(rss_mib "$bot_pid")

echo "setting up a Teams pair and 8 Slack pairs (each has met once); probing verification"
# The Teams admin speaks first, so the bot can reach them when it tells the admins about the Slack pairs.
for setup in "0 aad-admin help" "1 aad-mentor join mentor" "2 aad-mentee join mentee" \
             "3 aad-admin admin pair teams:tenant-bench:aad-mentor teams:tenant-bench:aad-mentee"; do
  read -r id aad text <<<"$setup"
  expect "mentorbot: Teams '$text'" "$(teams_post "$bot" "$token" "$(activity "setup-$id" "$aad" "$text")")" 200
done
for _ in $(seq 100); do  # the admin's answer comes through the outbox, to the stub
  paired=$(curl -s "$stub/last/a:aad-admin"); grep -q "Paired" <<<"$paired" && break; sleep 0.1
done
grep -q "Paired" <<<"$paired" || { echo "Teams 'admin pair' got no answer: $paired"; exit 1; }
for i in 1 2 3 4 5 6 7 8; do
  slack_ok "$bot" U0MENTOR$i "join mentor"
  slack_ok "$bot" U0MENTEE$i "join mentee"
  slack_ok "$bot" U0ADMIN "admin pair <@U0MENTOR$i> <@U0MENTEE$i>"
  slack_ok "$bot" U0MENTEE$i "met"
done
slack_ok "$bot" U0MENTEE1 status
grep -q "(your mentor).*1 of 6 sessions held" "$work/reply" || { echo "status shows no pair: $(cat "$work/reply")"; exit 1; }
expect "mentorbot: /mentor status, bad signature" "$(slack_post "$bot" U0MENTEE1 status v0=ff)" 401
expect "mentorbot: Teams activity, forged token" "$(teams_post "$bot" "$forged" "$(activity probe aad-mentee status)")" 401

printf '%-30s %11s %9s %9s %8s %8s\n' run requests/s "p50 ms" "p99 ms" errors 4xx/5xx
sign status.txt "${mentors}${mentees%,}" status
MENTORBOT_BENCH_REQUESTS="$work/status.txt" measure "mentorbot /mentor status" "http://127.0.0.1:$bot/slack/commands" \
  bench/signed_requests.lua "$bot_pid" rss
sign takeaways.txt "${mentees%,}" "takeaways Run note {n}: listen first, then ask why the process exists."
MENTORBOT_BENCH_REQUESTS="$work/takeaways.txt" measure "mentorbot /mentor takeaways" \
  "http://127.0.0.1:$bot/slack/commands" bench/signed_requests.lua "$bot_pid" rss
measure "mentorbot Teams status" "http://127.0.0.1:$bot/api/messages" bench/teams_activities.lua "$bot_pid" rss
loaded_rss=$(rss_mib "$bot_pid")
# Replies and notifications are sent after the 200, by one outbox worker: give it up to 30 s to catch up.
drain_start=$(date +%s) due=$(outbox_due)
while [ "$due" -gt 0 ] && [ $(( $(date +%s) - drain_start )) -lt 30 ]; do sleep 1; due=$(outbox_due); done
drained="${backlog[-1]%% *} due at the end of the load, $due still due $(( $(date +%s) - drain_start )) s later"
delivered=$(curl -s "$stub/stats")
stop "$bot_pid"

# --- 2. Bolt -------------------------------------------------------------------
start bolt node bench/peers/bolt/app.js
bolt=$port bolt_pid=$pid
sign status.txt "${mentors}${mentees%,}" status  # the same requests, signed anew
expect "Bolt: /mentor status" "$(slack_post "$bolt" U0MENTEE1 status)" 200
expect "Bolt: /mentor status, bad signature" "$(slack_post "$bolt" U0MENTEE1 status v0=ff)" 401
MENTORBOT_BENCH_REQUESTS="$work/status.txt" measure "Bolt /mentor status" "http://127.0.0.1:$bolt/slack/commands" \
  bench/signed_requests.lua "$bolt_pid"
bolt_rss=$(rss_mib "$bolt_pid")
stop "$bolt_pid"

# --- 3. botbuilder ---------------------------------------------------------------
start botbuilder env MICROSOFT_APP_ID=$app_id MICROSOFT_APP_PASSWORD=$app_password BOT_OPENID_METADATA=$openid \
  BOT_TOKEN_URL="$stub/oauth2/v2.0/token" node bench/peers/botbuilder/bot.js
botbuilder=$port botbuilder_pid=$pid
expect "botbuilder: Teams activity" "$(teams_post "$botbuilder" "$token" "$(activity probe-ok aad-mentee status)")" 200
# botbuilder lets jsonwebtoken's "invalid signature" escape as a 500 (only its own
# AuthenticationErrors become 401): refused all the same.
status=$(teams_post "$botbuilder" "$forged" "$(activity probe aad-mentee status)")
[ "$status" -ge 400 ] || { echo "FAILED: botbuilder accepted a forged token ($status)"; exit 1; }
echo "  ok: botbuilder: Teams activity, forged token -> $status (refused)"
replies_before=$(teams_replies)
measure "botbuilder Teams status" "http://127.0.0.1:$botbuilder/api/messages" bench/teams_activities.lua "$botbuilder_pid"
botbuilder_replies=$(( $(teams_replies) - replies_before ))  # one per activity, sent before its 200
botbuilder_rss=$(rss_mib "$botbuilder_pid")
stop "$botbuilder_pid"

# --- report -------------------------------------------------------------------
echo
echo "=== summary: wrk -t$wrk_threads -c$connections -d${seconds}s, loopback, $(nproc) cores ==="
printf '%-30s %11s %9s %9s %8s %8s\n' run requests/s "p50 ms" "p99 ms" errors 4xx/5xx
printf '%s\n' "${rows[@]}"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }'; }
echo "mentorbot / Bolt, /mentor status:   $(ratio "$(rps_of "mentorbot /mentor status")" "$(rps_of "Bolt /mentor status")") requests/s"
echo "mentorbot / botbuilder, Teams:      $(ratio "$(rps_of "mentorbot Teams status")" "$(rps_of "botbuilder Teams status")") requests/s"
echo "CPU during each run ($(nproc) cores in all):"
printf '  %s\n' "${cpu[@]}"
echo "mentorbot resident memory: idle $idle_rss MiB, after the three runs $loaded_rss MiB"
for label in "mentorbot /mentor status" "mentorbot /mentor takeaways" "mentorbot Teams status"; do
  echo "  during $label (MiB, every $(( seconds >= 20 ? 5 : 1 )) s): $(xargs <"$work/rss.${label//[^A-Za-z]/-}")"
done
echo "peers' resident memory after their run: Bolt $bolt_rss MiB, botbuilder $botbuilder_rss MiB"
echo "mentorbot outbox, messages due but not yet sent: $(IFS=';'; echo "${backlog[*]}" | sed 's/;/; /g')"
echo "  after the load: $drained"
echo "calls the stub answered for mentorbot (outbox deliveries, keys, token): $delivered"
echo "replies botbuilder sent to the stub during its warm-up and run: $botbuilder_replies"
# The two probes' 401s are expected; anything else at warn or above is shown.
grep -v ' 401 .*signature mismatch' "$work/mentorbot.log" >"$work/warnings" || true
echo "mentorbot log lines at warn or above, besides the probes' 401s: $(grep -c . "$work/warnings" || true)"
head -5 "$work/warnings"
status_rps=$(rps_of "mentorbot /mentor status")
status_p99=$(awk '$0 ~ "^mentorbot /mentor status " {print $(NF-2)}' <<<"$(printf '%s\n' "${rows[@]}")")
check() { awk "BEGIN { exit !($1) }" && echo yes || echo NO; }
status_ratio=$(ratio "$status_rps" "$(rps_of "Bolt /mentor status")")
rss_first=$(head -1 "$work/rss.mentorbot--mentor-status") rss_last=$(tail -1 "$work/rss.mentorbot--mentor-status")
echo "issue 9 targets (meaningful only on an otherwise idle machine, at 32 connections, 60 s):"
echo "  /mentor status >= 5x Bolt's requests/s: $status_ratio, $(check "${status_ratio%x} >= 5")"
echo "  /mentor status p99 < 5 ms: $status_p99 ms, $(check "$status_p99 < 5")"
echo "  idle memory < 20 MB: $idle_rss MiB, $(check "$idle_rss * 1.048576 < 20")"
echo "  no error: $([ "$failures" -eq 0 ] && echo yes || echo NO);" \
     "flat memory under /mentor status: $rss_first -> $rss_last MiB, $(check "$rss_last - $rss_first < 1")"
if [ "$failures" -ne 0 ]; then echo "FAILED: $failures run(s) had errors or non-2xx responses"; exit 1; fi
