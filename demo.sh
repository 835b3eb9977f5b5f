#!/usr/bin/env bash
# Shows TestSmells.Analyzers at work: builds a test project with every rule on, then lists what the
# analyzers found, grouped by rule. By default the smelly test suite of the sample backend
# (samples/OrdersApi.SmellyTests, with its production-style library); pass another project to see
# its findings instead, e.g. ./demo.sh samples/Demo.Tests/Demo.Tests.csproj
set -euo pipefail
cd "$(dirname "$0")"
project=${1:-samples/OrdersApi.SmellyTests/OrdersApi.SmellyTests.csproj}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "Building $project with TestSmells.Analyzers (every rule on)..."
dotnet build "$project" --no-incremental -nologo -clp:NoSummary -v:q >"$log" 2>&1 || true

# One line per finding: file(line,col): warning TSTxxxx: message [project]
grep -E ': (warning|error|info) TST[0-9]{4}:' "$log" | sed -E 's| \[[^]]*\]$||; s| \(https?://[^)]*\)$||' | sort -t'(' -k1,1 -k2,2n | uniq >"$log.findings" || true
count=$(wc -l <"$log.findings" | tr -d ' ')
if [ "$count" = "0" ]; then
  if grep -qE ': error (CS|MSB|NU)[0-9]+' "$log"; then
    echo "The build failed before the analyzers could run:"; grep -E ': error ' "$log" | sort -u | head -20; exit 1
  fi
  echo "No test smells found."; exit 0
fi

echo
echo "$count finding(s):"
root="$(pwd)/"
for id in $(grep -oE 'TST[0-9]{4}' "$log.findings" | sort -u); do
  title=$(grep -m1 -E "^# $id: " "docs/rules/$id.md" 2>/dev/null | sed -E "s/^# $id: //")
  echo
  echo "$id  $title  (docs/rules/$id.md)"
  grep -E ": (warning|error|info) $id:" "$log.findings" | sed -E "s|^$root||; s/^([^(]+)\(([0-9]+),([0-9]+)\): (warning|error|info) $id: (.*)$/  \1:\2  \5/"
done
rm -f "$log.findings"
