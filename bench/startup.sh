#!/usr/bin/env bash
# Start-up to healthy: seconds from launching the Release API until /health/ready answers 200, on a new SQLite
# database (migrations and demo data) and then on that existing database; /health (the process is up) beside each
# as the reference. Measured twice: the ReadyToRun publish that deploy/Dockerfile builds (what runs in production),
# then the plain build output (what `dotnet run` starts), whose methods are all compiled at start.
# Options: --runs N (3). Exit code 2 if the API never became ready within 60 s.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
if [ "${1:-}" = "--runs" ]; then runs=$2; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/GrantHub.Api -c Release --arch "$(dotnet --info | awk '/RID:/ { sub(/^.*-/, "", $2); print $2; exit }')" \
  -p:PublishReadyToRun=true -p:UseAppHost=false -o "$work/published" -v quiet -nologo >/dev/null
dotnet build src/GrantHub.Api -c Release -v quiet -nologo >/dev/null
port=$((20000 + RANDOM % 20000))

now() { date +%s.%N; }

# Prints "<seconds to /health> <seconds to /health/ready>" for one start on the given database file.
measure() {
  local api=$1 database=$2 started live="" ready="" pid
  started=$(now)
  ConnectionStrings__GrantHub="Data Source=$database" Demo__Seed=true ASPNETCORE_ENVIRONMENT=Benchmark \
    Logging__LogLevel__Default=Warning dotnet "$api" --contentRoot "$(dirname "$api")" --urls "http://127.0.0.1:$port" >"$work/api.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if [ -z "$live" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/health"; then live=$(now); fi
    if curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; then ready=$(now); break; fi
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  if [ -z "$ready" ]; then echo "never ready; log:" >&2; cat "$work/api.log" >&2; exit 2; fi
  awk -v s="$started" -v l="${live:-$ready}" -v r="$ready" 'BEGIN { printf "%.2f %.2f\n", l - s, r - s }'
}

for build in published build; do
  if [ "$build" = published ]; then
    api="$work/published/GrantHub.Api.dll"
    echo "ReadyToRun publish, as deploy/Dockerfile builds it"
  else
    api="$PWD/src/GrantHub.Api/bin/Release/net10.0/GrantHub.Api.dll"
    echo "Plain Release build (dotnet run)"
  fi
  echo "run  database   to /health (s)  to /health/ready (s)"
  for run in $(seq 1 "$runs"); do
    database="$work/granthub-$build-$run.db"
    read -r live ready < <(measure "$api" "$database")
    printf '%-4s %-10s %-15s %s\n' "$run" new "$live" "$ready"
    read -r live ready < <(measure "$api" "$database")
    printf '%-4s %-10s %-15s %s\n' "$run" existing "$live" "$ready"
  done
done
echo "targets: ready in under 8 s on a new database (migrations and demo data), under 3 s on an existing one"
