#!/usr/bin/env bash
# Builds the app and serves it on http://127.0.0.1:8080, installing whatever is missing first.
# Extra arguments go to `trunk serve` (for example --release). It rebuilds when a file changes;
# reload the page to see it (trunk's live-reload script is rewritten per request, so the page's
# Content-Security-Policy cannot pin it, and it is left out).
source "$(dirname "$0")/lib.sh"
ensure_build_tools
step "trunk serve → http://127.0.0.1:8080/"
exec trunk serve --no-autoreload "$@"
