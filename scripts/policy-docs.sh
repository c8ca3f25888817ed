#!/usr/bin/env bash
# Rebuilds the RAG evaluation set's DOCX and PDF from its Markdown (tests/Assay.Services.Tests/Data/policies).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=tests/Assay.Services.Tests/Data/policies
dotnet run scripts/policy-docs.cs -- "$dir"
for html in "$dir"/*.html; do
  pdf="${html%.html}.pdf"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" "file://$PWD/$html" 2>/dev/null
  rm "$html"
done
