#!/usr/bin/env bash
# Installs what Laoke needs on Debian/Ubuntu, skipping whatever is already there (idempotent):
#   apt packages for Tauri's webview + build tools, Rust (rustup), Node.js, the UI's npm packages,
#   and — unless --app — the end-to-end test tools (tauri-driver, a Python venv with selenium).
# Usage: scripts/setup.sh [--app]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

APP_ONLY=0
[ "${1:-}" = "--app" ] && APP_ONLY=1

TAURI_DRIVER_VERSION=2.1.0
NODE_MIN_MAJOR=20   # Vite 7 needs Node >= 20.19

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo: install the packages below as root"
    SUDO="sudo"
fi

APT_PACKAGES=(
    build-essential pkg-config curl wget file git ca-certificates
    libwebkit2gtk-4.1-dev libssl-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
    fonts-noto-cjk
)
E2E_APT_PACKAGES=(xvfb xauth webkit2gtk-driver python3 python3-venv)

apt_missing() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s\n' "$pkg"
    done
}

APT_UPDATED=0
apt_install() {
    [ "$#" -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "apt-get not found: install these yourself: $*"
    log "apt: installing $*"
    if [ "$APT_UPDATED" -eq 0 ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# --- system packages -----------------------------------------------------------------------
wanted=("${APT_PACKAGES[@]}")
[ "$APP_ONLY" -eq 0 ] && wanted+=("${E2E_APT_PACKAGES[@]}")
mapfile -t missing < <(apt_missing "${wanted[@]}")
if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; else log "apt: all ${#wanted[@]} packages present"; fi

# --- Rust ------------------------------------------------------------------------------------
if ! command -v cargo >/dev/null; then
    log "rust: installing rustup (stable, minimal + rustfmt + clippy)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs \
        | sh -s -- -y --profile minimal --component rustfmt,clippy
    export PATH="$HOME/.cargo/bin:$PATH"
fi
if command -v rustup >/dev/null; then
    cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
    cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
fi
log "rust: $(cargo --version)"

# --- Node.js ---------------------------------------------------------------------------------
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm || true
fi
if [ "$(node_major)" -lt "$NODE_MIN_MAJOR" ]; then
    log "node: $(node --version 2>/dev/null || echo none) is too old; installing Node 22 from NodeSource"
    curl -fsSL https://deb.nodesource.com/setup_22.x | $SUDO bash -
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs
fi
log "node: $(node --version), npm $(npm --version 2>/dev/null)"

# --- UI packages (exact versions from ui/package-lock.json) -----------------------------------
stamp="$REPO/ui/node_modules/.laoke-lock.sha256"
lock_sum="$(sha256sum "$REPO/ui/package-lock.json" | cut -d' ' -f1)"
if [ ! -x "$TAURI" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
    log "npm: npm ci in ui/"
    if ! (cd "$REPO/ui" && npm ci --no-audit --no-fund); then
        # Some registry mirrors lack a few platform packages of rollup/@tauri-apps/cli, so npm
        # left them out of the lock file and `npm ci` calls it out of sync. Install the same
        # locked versions without rewriting package.json or package-lock.json.
        log "npm: npm ci refused the lock file; installing the locked versions with npm install --no-save"
        (cd "$REPO/ui" && npm install --no-save --no-audit --no-fund)
    fi
    printf '%s\n' "$lock_sum" > "$stamp"
else
    log "npm: ui/node_modules matches package-lock.json"
fi

[ "$APP_ONLY" -eq 1 ] && exit 0

# --- end-to-end test tools ---------------------------------------------------------------------
if ! command -v tauri-driver >/dev/null; then
    log "cargo: installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
fi
log "tauri-driver: $(command -v tauri-driver)"

req="$REPO/tests/e2e/requirements.txt"
venv_stamp="$LAOKE_VENV/.laoke-requirements.sha256"
req_sum="$(sha256sum "$req" | cut -d' ' -f1)"
if [ ! -x "$LAOKE_VENV/bin/python" ] || [ "$(cat "$venv_stamp" 2>/dev/null)" != "$req_sum" ]; then
    log "python: venv with $(tr '\n' ' ' < "$req")in $LAOKE_VENV"
    python3 -m venv "$LAOKE_VENV"
    "$LAOKE_VENV/bin/pip" install -q --disable-pip-version-check -r "$req"
    printf '%s\n' "$req_sum" > "$venv_stamp"
else
    log "python: $LAOKE_VENV is up to date"
fi
