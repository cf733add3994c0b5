#!/usr/bin/env bash
# Deadline-day surge (issue 18, item 4): 300 consortia submit and 300 more save their drafts at random instants within
# one minute against one call, which closes at 48 s with the close job running then; over real sockets, Release build.
# Options: --consortia N (300), --seconds S (60), --database PATH, --keep. Exit code 2 on any 5xx, a refused, lost or
# doubled submission, or a 409 a retry inside the server could have absorbed; p99 is printed beside its 1 s target.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/GrantHub.Benchmarks -- surge "$@"
