// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * How well it matched: the whole field, its start, or somewhere inside.
 */
export type MatchKind = "exact" | "prefix" | "contains";
