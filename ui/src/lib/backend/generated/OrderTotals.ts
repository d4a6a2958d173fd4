// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * The totals row: over every order matching the filter, not just this page.
 */
export type OrderTotals = { count: number, paidFen: number, refundedFen: number, 
/**
 * Paid − refunded over the matches.
 */
keptFen: number, };
