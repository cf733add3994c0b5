#!/usr/bin/env bash
# HTTP benchmark on a realistic portfolio (issue 18, item 3): seeds 5,000 organisations, 100,000 applications over
# 200 calls, 30,000 Active grants, 10,000 emergency requests and notifications through the real migrations, starts the
# real host on Kestrel and measures over loopback: GET by id beside a raw-SQLite reference read in the same host, lists
# and web pages at a fixed rate, and the ranking of a 2,000-application call. Release build.
# Options: --scale S (1), --seconds N (10), --rate R (200), --workers W (16), --database PATH, --keep, --plans (print
# SQLite's plan of each query a list or page sends; every list line also says how many queries one request sends alone),
# --only TEXT (only the measurements whose name contains TEXT, beside the reference).
# Exit code 2 on any answer but 200 or a count that disagrees with the seed; targets are printed, never fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/GrantHub.Benchmarks -- http "$@"
