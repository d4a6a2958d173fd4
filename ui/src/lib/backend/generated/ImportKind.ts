// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Orders (one row per order or per order item) or a customer list.
 */
export type ImportKind = "orders" | "customers";
