#!/usr/bin/env bash
# Builds the app and serves it on http://127.0.0.1:8080, installing whatever is missing first.
# Extra arguments go to `trunk serve` (for example --release).
source "$(dirname "$0")/lib.sh"
ensure_build_tools
step "trunk serve → http://127.0.0.1:8080/"
exec trunk serve "$@"
