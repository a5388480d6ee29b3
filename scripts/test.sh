#!/usr/bin/env bash
# The test command. On a fresh Debian machine with the .NET 10 SDK and Node 20 it installs what is
# missing (npm packages, Chromium, PostgreSQL and Redis), builds the SPA and the solution, runs every
# .NET and web test, then the whole API suite again on a throwaway PostgreSQL server, and ends with a
# line "N passed, N failed". Exits non-zero on any failure; a skipped test counts
# as a failure. `--repeat N` runs the .NET tests N times (default 1) to catch flaky tests; the
# totals then count every run.
set -uo pipefail
repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat="${2:-}"; shift 2 || { echo "test.sh: --repeat needs a number" >&2; exit 2; } ;;
    --repeat=*) repeat="${1#--repeat=}"; shift ;;
    *) echo "test.sh: unknown option $1 (known: --repeat N)" >&2; exit 2 ;;
  esac
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "test.sh: --repeat takes a whole number from 1, not '$repeat'" >&2; exit 2; }
cd "$(dirname "$0")/.."
results=TestResults
mkdir -p "$results"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

step "System packages"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "could not install ${missing[*]}"
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | grep -o 'Chromium [0-9.]*')"

step "PostgreSQL and Redis (throwaway servers on 127.0.0.1)"
source scripts/services.sh
trap services_stop EXIT
services_start || fail "the test servers did not start"

step "npm packages and the SPA"
npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed"
npm run build --silent || fail "the SPA did not build"

step "Build"
dotnet build Kanban.sln -p:SkipSpaBuild=true -nologo -v:q -clp:ErrorsOnly || fail "the solution did not build"

step "SQL scripts of the migrations (SQL Server and PostgreSQL, idempotent)"
dotnet tool restore >/dev/null || fail "dotnet tool restore failed"
for provider in SqlServer Postgres; do
  SkipSpaBuild=true dotnet ef migrations script --idempotent --no-build \
    --project "migrations/Kanban.Migrations.$provider" --startup-project src/Kanban.Api --context KanbanDbContext \
    --output "$results/migrations-$provider.sql" \
    -- --Database:Provider "$provider" --ConnectionStrings:Kanban "Host=unused;Server=unused;Database=kanban" --Kanban:SeedDemo false \
    >/dev/null 2>"$results/migrations-$provider.err" || fail "the $provider migrations script failed: $(tail -n3 "$results/migrations-$provider.err")"
  grep -q "CREATE TABLE" "$results/migrations-$provider.sql" || fail "the $provider migrations script holds no table"
  echo "$provider: $(grep -c "" "$results/migrations-$provider.sql") lines in $results/migrations-$provider.sql"
done

step "Web tests (Vitest)"
npm run test --silent -w web -- --reporter=default --reporter=json --outputFile="../$results/vitest.json"
web_exit=$?
read -r web_passed web_failed < <(node -e '
  try { const r = require(process.argv[1]);
        console.log(r.numPassedTests, r.numFailedTests + r.numPendingTests + r.numTodoTests); }
  catch { console.log(0, 1); }' "$PWD/$results/vitest.json")

dotnet_passed=0
dotnet_failed=0
rm -f "$results/dotnet-test-runs.txt"
for run in $(seq 1 "$repeat"); do
  log="$results/dotnet-test.log"
  [ "$repeat" -eq 1 ] || log="$results/dotnet-test-run$run.log"
  step ".NET tests (domain, API, browser)$([ "$repeat" -eq 1 ] || echo ", run $run of $repeat")"
  dotnet test --solution Kanban.sln --no-build 2>&1 | tee "$log"
  run_exit=${PIPESTATUS[0]}
  summary() { grep -E "^\s+$1: [0-9]+" "$2" | tail -n1 | grep -oE '[0-9]+' || echo 0; }
  run_passed=$(summary succeeded "$log")
  run_failed=$(( $(summary failed "$log") + $(summary skipped "$log") ))
  if [ "$run_exit" -ne 0 ] && [ "$run_failed" -eq 0 ]; then run_failed=1; fi

  pglog="${log%.log}-postgres.log"
  step "API tests again, on PostgreSQL$([ "$repeat" -eq 1 ] || echo ", run $run of $repeat")"
  KANBAN_TEST_POSTGRES="$KANBAN_TEST_POSTGRES_SERVER" dotnet test --project tests/Kanban.Api.Tests --no-build 2>&1 | tee "$pglog"
  pg_exit=${PIPESTATUS[0]}
  pg_passed=$(summary succeeded "$pglog")
  pg_failed=$(( $(summary failed "$pglog") + $(summary skipped "$pglog") ))
  if [ "$pg_exit" -ne 0 ] && [ "$pg_failed" -eq 0 ]; then pg_failed=1; fi
  [ "$pg_passed" -gt 0 ] || pg_failed=$(( pg_failed + 1 ))
  run_passed=$(( run_passed + pg_passed ))
  run_failed=$(( run_failed + pg_failed ))
  [ "$repeat" -eq 1 ] || echo "run $run: $run_passed passed, $run_failed failed" >> "$results/dotnet-test-runs.txt"
  dotnet_passed=$(( dotnet_passed + run_passed ))
  dotnet_failed=$(( dotnet_failed + run_failed ))
done
if [ "$web_exit" -ne 0 ] && [ "$web_failed" -eq 0 ]; then web_failed=1; fi

passed=$(( web_passed + dotnet_passed ))
failed=$(( web_failed + dotnet_failed ))
step "Summary"
echo "web: $web_passed passed, $web_failed failed; .NET$([ "$repeat" -eq 1 ] || echo " ($repeat runs)"): $dotnet_passed passed, $dotnet_failed failed (skipped counts as failed)"
[ "$repeat" -eq 1 ] || cat "$results/dotnet-test-runs.txt"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
