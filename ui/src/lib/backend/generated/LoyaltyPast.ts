// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What switching loyalty on does with orders paid before.
 */
export type LoyaltyPast = { "kind": "none" } | { "kind": "months", months: number, } | { "kind": "all" };
