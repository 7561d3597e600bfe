#!/usr/bin/env bash
# The contract gate: buf lint, then buf breaking against every released contract set (contracts/released/*.binpb)
# and against the previous commit. Exits non-zero with buf's message on any breaking change.
set -euo pipefail
cd "$(dirname "$0")/.."

npx buf lint
for released in contracts/released/*.binpb; do
  echo "contracts: breaking check against $released"
  npx buf breaking --against "$released"
done
if git rev-parse -q --verify HEAD~1 >/dev/null && git cat-file -e HEAD~1:contracts/src/main/proto 2>/dev/null; then
  echo "contracts: breaking check against the previous commit"
  npx buf breaking --against '.git#ref=HEAD~1'
fi
