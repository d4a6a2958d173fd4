// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * How far a window is used.
 */
export type SlaState = "ok" | "warning" | "breached" | "met" | "paused";
