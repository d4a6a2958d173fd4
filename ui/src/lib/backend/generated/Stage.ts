// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Lifecycle stages, in funnel order. Stable codes.
 */
export type Stage = "prospect" | "new" | "active" | "dormant" | "churned";
