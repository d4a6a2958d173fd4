// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What a timeline entry records.
 */
export type EventKind = "created" | "note" | "call" | "message" | "state" | "assignee" | "resolution" | "merge";
