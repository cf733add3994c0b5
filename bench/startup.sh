#!/usr/bin/env bash
# Start-up to healthy: seconds from launching the Release API until /health/ready answers 200, on a new SQLite
# database (migrations and demo data) and then on that existing database; /health (the process is up) beside each
# as the reference. Options: --runs N (3). Exit code 2 if the API never became ready within 60 s.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
if [ "${1:-}" = "--runs" ]; then runs=$2; fi

dotnet build src/GrantHub.Api -c Release -v quiet -nologo >/dev/null
api="$PWD/src/GrantHub.Api/bin/Release/net10.0/GrantHub.Api.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))

now() { date +%s.%N; }

# Prints "<seconds to /health> <seconds to /health/ready>" for one start on the given database file.
measure() {
  local database=$1 started live="" ready="" pid
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

echo "run  database   to /health (s)  to /health/ready (s)"
for run in $(seq 1 "$runs"); do
  database="$work/granthub-$run.db"
  read -r live ready < <(measure "$database")
  printf '%-4s %-10s %-15s %s\n' "$run" new "$live" "$ready"
  read -r live ready < <(measure "$database")
  printf '%-4s %-10s %-15s %s\n' "$run" existing "$live" "$ready"
done
echo "targets: ready in under 8 s on a new database (migrations and demo data), under 3 s on an existing one"
