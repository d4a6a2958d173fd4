// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CustomerRow } from "./CustomerRow";

/**
 * One page of customers plus the totals for everyone matching the filter.
 */
export type CustomerPage = { rows: Array<CustomerRow>, 
/**
 * Customers matching the filter (all pages).
 */
total: number, 
/**
 * Their summed spend, fen.
 */
totalSpendFen: number, page: number, pageSize: number, };
