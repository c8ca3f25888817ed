#!/usr/bin/env bash
# Adds up the counters of every .trx file under a folder and prints one line:
# "N passed, N failed, N skipped".
set -euo pipefail
dir=${1:?usage: test-totals.sh RESULTS_DIR}
passed=0; failed=0; skipped=0
while IFS= read -r -d '' trx; do
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # xunit's trx leaves notExecuted at 0 for skipped tests; they are the ones counted but not executed.
  not_run=$(( $(get total) - $(get executed) ))
  ne=$(get notExecuted)
  skipped=$((skipped + (not_run > ne ? not_run : ne)))
done < <(find "$dir" -name '*.trx' -print0 2>/dev/null)
echo "$passed passed, $failed failed, $skipped skipped"
