// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type ExpiryReport = { 
/**
 * Customers with points expired = expiry rows written (one per customer per run).
 */
customers: number, 
/**
 * Lots those rows closed.
 */
lots: number, points: number, };
