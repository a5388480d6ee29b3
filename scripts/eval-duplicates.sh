#!/usr/bin/env bash
# Duplicate detection's quality on a dataset: DIR holds tickets.jsonl ({id,title,body,created}) and
# pairs.jsonl ({duplicate_id,original_id}), as ../shared/data/duplicates/ does. Builds the evaluation
# in Release and runs the protocol through the product's own ranking and embedder (docs/duplicates.md).
# The last line of stdout is `R@1=… R@5=… R@10=… MRR=… ms/query=…` for the submission path; the build
# and the progress go to stderr. Options after DIR: --no-embeddings, --check-tokens, --details.
set -euo pipefail
if [ $# -lt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  echo "usage: scripts/eval-duplicates.sh DIR [--no-embeddings] [--check-tokens] [--details]" >&2
  exit 2
fi
dir="$(cd "$1" 2>/dev/null && pwd)" || { echo "eval-duplicates.sh: $1 is not a folder" >&2; exit 2; }
shift
cd "$(dirname "$0")/.."
dotnet build bench/Kanban.Bench.Duplicates -c Release -p:SkipSpaBuild=true -nologo -v:q -clp:ErrorsOnly >&2
exec dotnet bench/Kanban.Bench.Duplicates/bin/Release/net10.0/Kanban.Bench.Duplicates.dll eval "$dir" "$@"
