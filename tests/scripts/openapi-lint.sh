#!/usr/bin/env bash
# Lints the OpenAPI document the Release API serves with Redocly (recommended rules) and Spectral (spectral:oas):
# exit code non-zero on any error; warnings are printed and allowed. Needs Node.js with npm (the npm registry).
set -euo pipefail
cd "$(dirname "$0")/../.."

dotnet build src/GrantHub.Api -c Release -v quiet -nologo >/dev/null
api="$PWD/src/GrantHub.Api/bin/Release/net10.0/GrantHub.Api.dll"
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
ConnectionStrings__GrantHub="Data Source=$work/granthub.db" ASPNETCORE_ENVIRONMENT=Development \
  Logging__LogLevel__Default=Warning dotnet "$api" --contentRoot "$(dirname "$api")" --urls "http://127.0.0.1:$port" >"$work/api.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 600); do
  if curl -fs -o "$work/openapi.json" "http://127.0.0.1:$port/openapi/v1.json"; then break; fi
  sleep 0.1
done
if [ ! -s "$work/openapi.json" ]; then echo "the API never served /openapi/v1.json; log:" >&2; cat "$work/api.log" >&2; exit 2; fi

cd tests/openapi-lint
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
echo "== Redocly"
npx --no-install redocly lint "$work/openapi.json" --format=stylish
echo "== Spectral"
npx --no-install spectral lint "$work/openapi.json" --fail-severity=error
