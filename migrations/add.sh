#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations projects, keeping them in step.
# Usage: migrations/add.sh <MigrationName>
set -euo pipefail
name=${1:?usage: migrations/add.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project "migrations/GrantHub.Migrations.$provider" \
    --startup-project src/GrantHub.Api \
    -- --Database:Provider="$provider" --Hangfire:Server:Enabled=false
done
