#!/usr/bin/env bash
# Benchmarks agreement PDF rendering in Release. Extra arguments go to BenchmarkDotNet, e.g. --job short.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/GrantHub.Benchmarks -- --filter '*Agreement*' "$@"
