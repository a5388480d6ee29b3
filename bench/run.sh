#!/usr/bin/env bash
# The move benchmark: builds the API in Release, starts it on Kestrel with a fresh SQLite file,
# drives it over HTTP and prints a table (JSON in bench/results/moves.json). Options: see --help.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Kanban.Api -c Release -p:SkipSpaBuild=true -nologo -v quiet
dotnet run -c Release --project bench/Kanban.Bench -- "$@"
