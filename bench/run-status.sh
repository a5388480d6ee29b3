#!/usr/bin/env bash
# The status benchmark: builds the API in Release, starts it on Kestrel with a fresh SQLite file, imports
# a board of 10,000 cards done over a year and 200 in progress, and times GET /status cold (after a
# change) and warm (cached) beside GET /health/live. Prints a table; JSON in bench/results/status.json.
# Options: --done N, --in-progress N, --rounds N. Exits 3 when the cold median is over 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Kanban.Api -c Release -p:SkipSpaBuild=true -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/Kanban.Bench.Status -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/Kanban.Bench.Status/bin/Release/net10.0/Kanban.Bench.Status.dll "$@"
