// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * How the R/F/M lines are chosen.
 */
export type LineMode = "median" | "fixed";
