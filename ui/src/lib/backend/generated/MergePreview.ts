// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CustomerRecord } from "./CustomerRecord";

/**
 * Both records side by side, for choosing.
 */
export type MergePreview = { 
/**
 * The suggested kept record: the one with more orders (DEFAULTS), the older one on a tie.
 */
keep: CustomerRecord, other: CustomerRecord, keepOrders: number, otherOrders: number, 
/**
 * API names of the fields whose values differ.
 */
differing: Array<string>, };
