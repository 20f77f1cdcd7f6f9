# Shared by scripts/serve.sh, scripts/test.sh and scripts/release.sh: installs whatever this
# machine lacks, idempotently (each step is skipped when its tool is already there, at the right
# version). These machines reach crates.io, npm and Debian, never GitHub: see ../shared/toolchain.md.
# shellcheck shell=bash

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Versions that must agree with Cargo.toml, Cargo.lock and Trunk.toml.
WASM_BINDGEN_VERSION="0.2.130"
TRUNK_VERSION="0.21.14"
TARGET="wasm32-unknown-unknown"

# node_modules/.bin first: binaryen's wasm-opt (132) must win over an old /usr/bin/wasm-opt.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_build_tools() {
  if ! rustup target list --installed | grep -qx "$TARGET"; then
    step "rustup target add $TARGET"
    rustup target add "$TARGET"
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
    # --locked where its lock file resolves; it names a webpki-roots version (1.0.11) that the
    # registry these machines reach does not always have, and then the newest compatible ones.
    cargo install wasm-bindgen-cli --locked --version "=$WASM_BINDGEN_VERSION" --force \
      || cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    step "cargo install trunk $TRUNK_VERSION (about 10 minutes)"
    cargo install trunk --locked --version "$TRUNK_VERSION" --force
  fi
  local stamp="node_modules/.dingji-lock.sha256"
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    step "npm ci (wasm-opt from binaryen, playwright-core, pdf.js)"
    npm ci --no-audit --no-fund
    echo "$want" > "$stamp"
  fi
  # trunk builds offline (Trunk.toml): fetch the crates first. Quick when they are cached.
  cargo fetch --locked --quiet
}

ensure_test_tools() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # The portable pages are tested in Firefox too (puppeteer-core over WebDriver BiDi).
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  # CJK glyphs for the screenshots the end-to-end tests save.
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  if [ "${#missing[@]}" -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}
