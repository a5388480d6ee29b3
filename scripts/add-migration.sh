#!/usr/bin/env bash
# Adds a migration NAME to every provider's migrations assembly, so they stay in step with the model.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# The model does not need the SPA.
export SkipSpaBuild=true
declare -A connection=(
  [Sqlite]="Data Source=$(mktemp -d)/design.db"
  [SqlServer]="Server=localhost;Database=kanban;Trusted_Connection=True;TrustServerCertificate=True"
  [Postgres]="Host=localhost;Database=kanban;Username=postgres"
)
for provider in Sqlite SqlServer Postgres; do
  dotnet ef migrations add "$name" \
    --project "migrations/Kanban.Migrations.$provider" --startup-project src/Kanban.Api \
    --context KanbanDbContext --output-dir Migrations \
    -- --Database:Provider "$provider" --ConnectionStrings:Kanban "${connection[$provider]}" --Kanban:SeedDemo false
done
