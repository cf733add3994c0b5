#!/usr/bin/env bash
# Crash test for Idempotency-Keys: starts the real host on a loopback port with a fresh SQLite database, fires a
# burst of emergency requests (one key each), kills the host with SIGKILL mid-burst, restarts it and retries every
# key. Passes when every retry answers 201, every key names exactly one request (no request lost to a stuck key,
# none created twice) and the audit chain still verifies. Needs the .NET SDK, curl and jq. Bounded: about 2 minutes.
# Usage: tests/scripts/idempotency-kill.sh [requests=60] [port=5197]
set -euo pipefail
requests=${1:-60}
port=${2:-5197}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
api="http://127.0.0.1:$port"
host_pid=""

cleanup() {
  if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

echo "building the host..."
timeout 600 dotnet build "$root/src/GrantHub.Api" -c Debug -v q -nologo >/dev/null
bin="$root/src/GrantHub.Api/bin/Debug/net10.0"

start_host() {
  (cd "$bin" && exec env ASPNETCORE_ENVIRONMENT=Development \
      ConnectionStrings__GrantHub="Data Source=$work/granthub.db" Hangfire__Server__Enabled=false \
      RateLimiting__AuthPermitsPerMinute=1000 \
      dotnet GrantHub.Api.dll --urls "$api" >>"$work/host.log" 2>&1) &
  host_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$api/health" >/dev/null 2>&1 && return 0
    kill -0 "$host_pid" 2>/dev/null || fail "the host exited; see its log:$(tail -20 "$work/host.log")"
    sleep 0.5
  done
  fail "the host did not answer within 60 s"
}

login() {
  curl -fs "$api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"Demo#2026pass\"}" | jq -r .accessToken
}

post_request() { # key, output file
  curl -s -m 30 -o "$2" -w '%{http_code}' "$api/api/emergency-requests" \
    -H "Authorization: Bearer $lead" -H 'Content-Type: application/json' -H "Idempotency-Key: $1" \
    -d "{\"organisationId\":\"$organisation\",\"fundId\":\"$fund\",\"amount\":10,\"category\":\"Medical\",
         \"justification\":\"Crash test request $1\",\"neededBy\":\"$(date -u -d '+3 days' +%F)\"}" || true
}

start_host
lead=$(login lead@granthub.local)
admin=$(login admin@granthub.local)
organisation=$(curl -fs "$api/api/me" -H "Authorization: Bearer $lead" | jq -r '.organisations[0].id')
fund=$(curl -fs "$api/api/funds?kind=RapidResponse" -H "Authorization: Bearer $admin" | jq -r '.items[0].id')
answered_so_far() { grep -lx 201 "$work"/first-*.status 2>/dev/null | wc -l; }
count_requests() { curl -fs "$api/api/emergency-requests?pageSize=1" -H "Authorization: Bearer $admin" | jq .totalCount; }
before=$(count_requests)

echo "firing $requests requests and killing the host with -9 mid-burst..."
for i in $(seq 1 "$requests"); do
  post_request "crash-$i" "$work/first-$i.json" >"$work/first-$i.status" &
  sleep 0.05
  if [[ $i -eq $((requests / 2)) ]]; then
    # Kill once some requests have been answered, while others are still running or not yet sent.
    for _ in $(seq 1 100); do
      [[ $(answered_so_far) -ge $((requests / 6)) ]] && break
      sleep 0.1
    done
    kill -9 "$host_pid"
  fi
done
wait "$host_pid" 2>/dev/null || true
wait
answered=$(answered_so_far)
echo "$answered of $requests answered 201 before the crash"

start_host
echo "retrying every key..."
for i in $(seq 1 "$requests"); do
  status=$(post_request "crash-$i" "$work/retry-$i.json")
  [[ "$status" == 201 ]] || fail "key crash-$i answered $status on retry: $(cat "$work/retry-$i.json")"
  if [[ "$(cat "$work/first-$i.status")" == 201 ]]; then
    [[ "$(jq -r .id "$work/first-$i.json")" == "$(jq -r .id "$work/retry-$i.json")" ]] || fail "key crash-$i named two requests"
  fi
done

distinct=$(jq -r .id "$work"/retry-*.json | sort -u | wc -l)
created=$(( $(count_requests) - before ))
[[ "$distinct" -eq "$requests" ]] || fail "$requests keys named $distinct distinct requests"
[[ "$created" -eq "$requests" ]] || fail "$requests keys created $created requests"
intact=$(curl -fs "$api/api/audit/verify" -H "Authorization: Bearer $admin" | jq -r .intact)
[[ "$intact" == true ]] || fail "the audit chain does not verify after the crash"
[[ "$answered" -gt 0 ]] || fail "the host was killed before it answered any request; nothing was tested across a crash"
echo "PASS: $requests keys, $created requests, every retry answered 201 (with the first answer's id where there was one), audit chain intact"
