#!/usr/bin/env bash
# Builds the release dist/ to copy onto an intranet web server (any path: the URLs are relative),
# with dist/portable/: the two pages as files that open from the disk, and their zip.
source "$(dirname "$0")/lib.sh"
ensure_build_tools
step "trunk build --release → dist/"
trunk build --release
step "dist/ and dist/portable/ (bytes, gzip -9 bytes)"
for f in dist/* dist/portable/*; do
  [ -f "$f" ] || continue
  printf '%-48s %9d %9d\n' "$f" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
