// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * When points expire. A policy applies only to points earned while it is in force.
 */
export type ExpiryPolicy = { "kind": "off" } | { "kind": "after_earning", months: number, } | { "kind": "inactivity", months: number, };
