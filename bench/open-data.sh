#!/usr/bin/env bash
# Exports 100,000 awarded grants as 360Giving JSON, 360Giving CSV and IATI XML (issue 15, item 5), in Release:
# time, bytes, peak working set and allocations per format. Options: --grants N (100000), --database PATH, --keep.
# Exit code 2 if an export's grant count differs from the seeded count (CI runs it with --grants 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/GrantHub.Benchmarks -- open-data "$@"
