#!/usr/bin/env bash
# Installs what is missing, then starts Laoke.
#   scripts/run-app.sh           development mode: Vite dev server + the app (hot reload)
#   scripts/run-app.sh --built   build the app like a release (no installer) and run that binary
# Data goes to the OS app-data folder unless LAOKE_DATA_DIR is set.
# Development mode opens the sample shop (two years of generated history, its own store beside
# the real one) by itself while no real store exists; its banner leads to creating the real one.
# LAOKE_SAMPLE=0 starts on the first-run wizard instead. --built never does this.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

"$REPO/scripts/setup.sh" --app

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    log "warning: no DISPLAY or WAYLAND_DISPLAY — the window needs a desktop session"
fi

cd "$REPO"
if [ "${1:-}" = "--built" ]; then
    shift
    "$TAURI" build --no-bundle
    exec "$CARGO_TARGET_DIR/release/laoke-app" "$@"
fi
export VITE_LAOKE_SAMPLE="${LAOKE_SAMPLE:-1}"
exec "$TAURI" dev "$@"
