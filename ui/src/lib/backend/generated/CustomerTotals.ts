// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * The totals row: customers matching the filter (all pages) and their summed spend, fen.
 */
export type CustomerTotals = { total: number, totalSpendFen: number, };
