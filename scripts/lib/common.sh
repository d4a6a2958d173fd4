# Shared by scripts/*.sh: repo paths, the cargo target folder outside the clone, and timed
# sections. Source it; do not run it.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO

# Build output lives outside the clone so every run (and every clone) reuses it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/laoke-target}"
# Python venv for the end-to-end test (selenium), also outside the clone.
export LAOKE_VENV="${LAOKE_VENV:-$HOME/.cache/laoke-venv}"

# rustup installs into ~/.cargo/bin; make it visible to non-login shells too.
if [ -d "$HOME/.cargo/bin" ]; then
    case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac
fi

TAURI="$REPO/ui/node_modules/.bin/tauri"

if [ -t 1 ]; then BOLD=$'\e[1m'; GREEN=$'\e[32m'; RED=$'\e[31m'; RESET=$'\e[0m'; else BOLD=; GREEN=; RED=; RESET=; fi

SECTION_TIMES=()

log() { printf '%s\n' "$*"; }
die() { printf '%sERROR:%s %s\n' "$RED" "$RESET" "$*" >&2; exit 1; }

# section "title" command args... — runs a command under a header, records its time, and stops
# the script on failure (fail fast).
section() {
    local title="$1"; shift
    local start=$SECONDS
    printf '\n%s==> %s%s\n' "$BOLD" "$title" "$RESET"
    if "$@"; then
        local took=$((SECONDS - start))
        SECTION_TIMES+=("$(printf '%4ds  %s' "$took" "$title")")
        printf '%s<== %s: ok (%ds)%s\n' "$GREEN" "$title" "$took" "$RESET"
    else
        local rc=$?
        local took=$((SECONDS - start))
        SECTION_TIMES+=("$(printf '%4ds  %s  FAILED' "$took" "$title")")
        printf '%s<== %s: FAILED (exit %d after %ds)%s\n' "$RED" "$title" "$rc" "$took" "$RESET" >&2
        print_times
        exit "$rc"
    fi
}

# retry_once command args... — for the real-window E2E only: WebKitWebDriver races now and then
# (a node re-rendered between finding and reading it). A first failure is printed loudly and the
# flow runs once more from a fresh app and data folder; a second failure fails the run.
retry_once() {
    "$@" && return 0
    local rc=$?
    printf '\n%sWARNING: first attempt failed (exit %d); the failure is above. Running it once more.%s\n' \
        "$RED" "$rc" "$RESET" >&2
    "$@"
}

print_times() {
    printf '\n%sTimings%s\n' "$BOLD" "$RESET"
    local line
    for line in "${SECTION_TIMES[@]}"; do printf '  %s\n' "$line"; done
}
