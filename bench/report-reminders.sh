#!/usr/bin/env bash
# Times one report-reminder sweep over 100,000 Active grants and their reports (issue 7, item 5), in Release.
# Options: --grants N (100000), --overdue-share S (0.1), --database PATH, --keep. Exit code 2 if the counts disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/GrantHub.Benchmarks -- report-reminders "$@"
