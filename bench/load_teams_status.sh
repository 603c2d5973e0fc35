#!/usr/bin/env bash
# Load test: Teams `status` message activities, each with a valid Bot
# Framework JWT (RS256, verified against a JWKS served on loopback) and a
# unique activity id, against a real mentorbot on 127.0.0.1 with wrk. The
# key pair and token are made here with openssl; the OpenID metadata and
# JWKS are static files served by python3's http.server. Replies are queued
# in the outbox (no TEAMS_APP_PASSWORD: nothing is sent). Loopback only.
#   bench/load_teams_status.sh [connections=32] [seconds=20] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/release_build.sh "$@"

work=$(mktemp -d)
trap 'kill $bot_pid $keys_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
b64url() { basenc --base64url -w0 | tr -d '='; }

# The signing key, published as OpenID metadata + JWKS on a loopback port.
openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
modulus=$(openssl rsa -in "$work/key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)
mkdir -p "$work/www/v1/.well-known"
keys_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
echo "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"http://127.0.0.1:$keys_port/v1/keys\"}" \
  >"$work/www/v1/.well-known/openidconfiguration"
echo "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"bench\",\"n\":\"$modulus\",\"e\":\"AQAB\",\"endorsements\":[\"msteams\"]}]}" \
  >"$work/www/v1/keys"
python3 -m http.server "$keys_port" --bind 127.0.0.1 --directory "$work/www" >/dev/null 2>&1 &
keys_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$keys_port/v1/keys" && break; sleep 0.1; done

app_id=00000000-0000-0000-0000-00000000bench
service_url=https://smba.trafficmanager.net/emea/
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
claims=$(printf '{"iss":"https://api.botframework.com","aud":"%s","serviceurl":"%s","nbf":%d,"exp":%d}' \
  "$app_id" "$service_url" $((now - 60)) $((now + 3600)) | b64url)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$work/key.pem" | b64url)
export MENTORBOT_BENCH_AUTHORIZATION="Bearer $header.$claims.$signature"
export MENTORBOT_BENCH_SERVICE_URL=$service_url

cat >"$work/config.json" <<JSON
{"server": {"host": "127.0.0.1", "port": 0, "threads": $((connections + 4))},
 "database": {"path": "$work/bench.db"}, "log": {"level": "warn"}, "scheduler": {"enabled": false},
 "teams": {"openid_metadata_url": "http://127.0.0.1:$keys_port/v1/.well-known/openidconfiguration"}}
JSON
TEAMS_APP_ID=$app_id build/release/mentorbot serve --config "$work/config.json" >"$work/out" 2>"$work/log" &
bot_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/out")
[ -n "$port" ] || { echo "mentorbot did not start"; cat "$work/log"; exit 1; }

activity() {  # id text
  printf '{"type":"message","id":"%s","serviceUrl":"%s","channelId":"msteams","text":"%s",' "$1" "$service_url" "$2"
  printf '"from":{"id":"29:bench","aadObjectId":"aad-bench"},"recipient":{"id":"28:%s"},' "$app_id"
  printf '"conversation":{"id":"a:bench","conversationType":"personal","tenantId":"tenant-bench"}}'
}
curl -sf -o /dev/null "http://127.0.0.1:$port/api/messages" -H "Authorization: $MENTORBOT_BENCH_AUTHORIZATION" \
  -H "Content-Type: application/json" --data "$(activity join "join mentee")" || { echo "join refused"; cat "$work/log"; exit 1; }

echo "mentorbot $(build/release/mentorbot --version | cut -d' ' -f2), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "wrk -t$wrk_threads -c$connections -d${seconds}s: Teams 'status' activities with a verified JWT"
wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --latency -s bench/teams_status.lua "http://127.0.0.1:$port/api/messages" |
  sed -n '/^requests:/,$p'
echo "bot resident memory after the run: $(ps -o rss= -p $bot_pid | xargs) KiB"
