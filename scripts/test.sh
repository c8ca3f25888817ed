#!/usr/bin/env bash
# Runs every test on a fresh machine: setup, local servers (PostgreSQL, moto S3), the whole
# test suite, then prints the totals as the last line: "N passed, N failed, N skipped".
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
bash "$here/setup.sh"
source "$here/services.sh"
trap services_stop EXIT
services_start

results="$repo/artifacts/test-results"
rm -rf "$results"
set +e
dotnet test "$repo/Assay.slnx" --nologo --logger trx "$@"
status=$?
set -e
bash "$here/test-totals.sh" "$results"
exit $status
