#!/usr/bin/env bash
# Builds the release dist/ to copy onto an intranet web server (any path: the URLs are relative).
source "$(dirname "$0")/lib.sh"
ensure_build_tools
step "trunk build --release → dist/"
trunk build --release
step "dist/ (bytes, gzip -9 bytes)"
for f in dist/*; do
  printf '%-48s %9d %9d\n' "$f" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
