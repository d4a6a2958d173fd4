#!/usr/bin/env bash
# Installs what is missing, then runs every test, stopping at the first failure:
#   Rust format, clippy (warnings are errors), Rust tests, the generated IPC types being current,
#   UI type-check, lint and unit tests,
#   and the end-to-end test that builds the real app and drives its window under Xvfb.
# Usage: scripts/test-all.sh [--update-docs]   (--update-docs refreshes docs/screenshots/)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

E2E_ARGS=()
for arg in "$@"; do
    case "$arg" in
        --update-docs) E2E_ARGS+=(--update-docs) ;;
        *) die "unknown argument: $arg" ;;
    esac
done

TOTAL_START=$SECONDS
cd "$REPO"
log "cargo target folder: $CARGO_TARGET_DIR"

section "setup (install what is missing)" "$REPO/scripts/setup.sh"
section "cargo fmt --check" cargo fmt --all --check
section "cargo clippy (-D warnings)" cargo clippy --workspace --all-targets --locked -- -D warnings
section "cargo test" cargo test --workspace --locked
section "ui: generated IPC types are current" "$REPO/scripts/gen-ts.sh" --check
section "ui: type-check" npm --prefix ui run --silent typecheck
section "ui: lint" npm --prefix ui run --silent lint
section "ui: unit tests" npm --prefix ui test --silent

# The E2E binary is built the way releases are (the Tauri CLI adds the `custom-protocol` feature
# and bundles ui/dist); the debug profile keeps it quick. No installer is made.
section "e2e: build the app (tauri build --debug --no-bundle)" \
    "$TAURI" build --debug --no-bundle -- --locked
section "e2e: build the laoke CLI" cargo build --locked -p laoke --bin laoke
section "interop: a stock SQLCipher 4 client opens the store" \
    "$LAOKE_VENV/bin/python" "$REPO/tests/interop/sqlcipher4_opens_store.py" \
    "$CARGO_TARGET_DIR/debug/laoke"
section "e2e: drive the real window under Xvfb" \
    retry_once xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$LAOKE_VENV/bin/python" "$REPO/tests/e2e/app_flow.py" \
    --app "$CARGO_TARGET_DIR/debug/laoke-app" \
    --cli "$CARGO_TARGET_DIR/debug/laoke" \
    --artifacts "$REPO/e2e-artifacts" "${E2E_ARGS[@]}"

section "e2e: the automatic daily backup runs by itself" \
    retry_once xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$LAOKE_VENV/bin/python" "$REPO/tests/e2e/auto_backup.py" \
    --app "$CARGO_TARGET_DIR/debug/laoke-app" \
    --cli "$CARGO_TARGET_DIR/debug/laoke" \
    --artifacts "$REPO/e2e-artifacts/auto-backup" --port 4447 --native-port 4448

print_times
printf '\n%sAll tests passed in %dm%02ds.%s Screenshots: e2e-artifacts/\n' \
    "$GREEN" $(((SECONDS - TOTAL_START) / 60)) $(((SECONDS - TOTAL_START) % 60)) "$RESET"
