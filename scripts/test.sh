#!/usr/bin/env bash
# The test command. On a fresh Debian machine with the .NET 10 SDK and Node 20 it installs what is
# missing (npm packages, Chromium), builds the SPA and the solution, runs every .NET and web test,
# and ends with a line "N passed, N failed". Exits non-zero on any failure; a skipped test counts
# as a failure.
set -uo pipefail
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

step "npm packages and the SPA"
npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed"
npm run build --silent || fail "the SPA did not build"

step "Build"
dotnet build Kanban.sln -p:SkipSpaBuild=true -nologo -v:q -clp:ErrorsOnly || fail "the solution did not build"

step "Web tests (Vitest)"
npm run test --silent -w web -- --reporter=default --reporter=json --outputFile="../$results/vitest.json"
web_exit=$?
read -r web_passed web_failed < <(node -e '
  try { const r = require(process.argv[1]);
        console.log(r.numPassedTests, r.numFailedTests + r.numPendingTests + r.numTodoTests); }
  catch { console.log(0, 1); }' "$PWD/$results/vitest.json")

step ".NET tests (domain, API, browser)"
dotnet test --solution Kanban.sln --no-build 2>&1 | tee "$results/dotnet-test.log"
dotnet_exit=${PIPESTATUS[0]}
summary() { grep -E "^\s+$1: [0-9]+" "$results/dotnet-test.log" | tail -n1 | grep -oE '[0-9]+' || echo 0; }
dotnet_passed=$(summary succeeded)
dotnet_failed=$(( $(summary failed) + $(summary skipped) ))
if [ "$dotnet_exit" -ne 0 ] && [ "$dotnet_failed" -eq 0 ]; then dotnet_failed=1; fi
if [ "$web_exit" -ne 0 ] && [ "$web_failed" -eq 0 ]; then web_failed=1; fi

passed=$(( web_passed + dotnet_passed ))
failed=$(( web_failed + dotnet_failed ))
step "Summary"
echo "web: $web_passed passed, $web_failed failed; .NET: $dotnet_passed passed, $dotnet_failed failed (skipped counts as failed)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
