#!/usr/bin/env bash
set -euo pipefail
cd "$ASSAY_REPO"
dotnet restore Assay.slnx --verbosity quiet
