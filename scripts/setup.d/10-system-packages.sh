#!/usr/bin/env bash
# Debian tools Assay uses: pdftotext (PDF text), chromium (browser tests). Installed when
# root and missing; otherwise a note says what to install.
set -euo pipefail
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v chromium >/dev/null || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "setup: installing ${need[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "setup: please install ${need[*]} (Debian: sudo apt-get install ${need[*]}); the features that need them will say so." >&2
fi
