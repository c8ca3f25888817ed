#!/usr/bin/env bash
# The o200k_base BPE ranks Assay counts tokens with when a provider does not report them:
# taken from the tiktoken npm package (MIT), pinned, into $ASSAY_CACHE/tiktoken/.
set -euo pipefail
version=1.0.22
dest="$ASSAY_CACHE/tiktoken"
[ -s "$dest/o200k_base.json" ] && [ -f "$dest/VERSION" ] && [ "$(cat "$dest/VERSION")" = "$version" ] && exit 0
command -v npm >/dev/null || { echo "setup: npm is needed to fetch tiktoken@$version (Debian: sudo apt-get install npm)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "tiktoken@$version" >/dev/null)
tar -xzf "$work/tiktoken-$version.tgz" -C "$work" package/encoders/o200k_base.json package/README.md package/package.json
mkdir -p "$dest"
# Write beside the target, then move: a half-copied rank file would count tokens wrongly.
cp "$work/package/encoders/o200k_base.json" "$dest/o200k_base.json.tmp"
mv "$dest/o200k_base.json.tmp" "$dest/o200k_base.json"
cp "$work/package/package.json" "$dest/package.json"  # names the MIT licence
echo "$version" > "$dest/VERSION"
echo "setup: tiktoken o200k_base ranks in $dest" >&2
