#!/usr/bin/env bash
# The main job on a fresh machine: setup, then a migration study on the bundled sample data
# with offline models only. Prints where the report is.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bash "$here/setup.sh"
cd "$here/.."
dotnet build src/Assay.Cli -c Release --nologo --verbosity quiet
exec dotnet src/Assay.Cli/bin/Release/net10.0/assay.dll demo "$@"
