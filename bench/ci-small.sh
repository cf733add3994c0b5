#!/usr/bin/env bash
# Every benchmark in bench/ at a small size, so a change that breaks one breaks CI (.ci/run calls this after the
# tests). Exits non-zero as soon as one fails or counts wrong. A few seconds each once built.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== bench/report-reminders.sh at 1,000 grants"
timeout 600 bash bench/report-reminders.sh --grants 1000

echo "== bench/open-data.sh at 1,000 grants"
timeout 600 bash bench/open-data.sh --grants 1000

echo "== bench/agreement.sh, one in-process pass of each benchmark"
timeout 600 bash bench/agreement.sh --job Dry --inProcess

echo "== bench/startup.sh, one start on a new and one on an existing database"
timeout 600 bash bench/startup.sh --runs 1

echo "Small benchmarks: all passed"
