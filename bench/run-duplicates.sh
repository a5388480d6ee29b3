#!/usr/bin/env bash
# The duplicate detection benchmark: builds bench/Kanban.Bench.Duplicates in Release and runs its
# speed command in process: a synthetic board of --tickets (default 100,000) in one index, the check's
# latency with its embedding, memory per ticket, and the index's start-up from a SQLite file made by
# the app's migrations. Prints a table; JSON in bench/results/duplicates.json. Options: see --help.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Kanban.Bench.Duplicates -c Release -p:SkipSpaBuild=true -nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/Kanban.Bench.Duplicates/bin/Release/net10.0/Kanban.Bench.Duplicates.dll speed "$@"
