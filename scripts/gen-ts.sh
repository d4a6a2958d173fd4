#!/usr/bin/env bash
# Regenerates ui/src/lib/backend/generated/ — the TypeScript types of every IPC command's
# arguments and results (commands.ts), the events and the error codes — from the Rust types
# (ts-rs, behind the `ts` cargo feature; see src-tauri/src/ts_gen/). Run it after changing a type
# the UI receives or sends, or a command's signature, and commit the result.
# Usage: scripts/gen-ts.sh [--check]
#   --check   write into a temporary folder and fail if it differs from the committed files (CI);
#             needs nothing beyond crates.io (ts-rs is in Cargo.lock)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO"

GENERATED="ui/src/lib/backend/generated"
# The test writes to LAOKE_TS_OUT; --test-threads=1 keeps the writer and the table check apart.
run_generator() {
    LAOKE_TS_OUT="$1" cargo test --locked -p laoke-app --features ts --lib ts_gen -- \
        --quiet --test-threads=1
}

case "${1:-}" in
    "")
        run_generator "$REPO/$GENERATED"
        log "wrote $GENERATED"
        ;;
    --check)
        tmp="$(mktemp -d)"
        trap 'rm -rf "$tmp"' EXIT
        run_generator "$tmp/generated"
        if ! diff -ru "$GENERATED" "$tmp/generated" >&2; then
            die "$GENERATED is not what the Rust types say: run scripts/gen-ts.sh and commit it"
        fi
        log "$GENERATED is current"
        ;;
    *) die "unknown argument: $1 (usage: scripts/gen-ts.sh [--check])" ;;
esac
