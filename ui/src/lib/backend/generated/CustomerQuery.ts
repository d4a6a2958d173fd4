// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type CustomerQuery = { 
/**
 * 1-based.
 */
page?: number, pageSize?: number, 
/**
 * Name, part of a phone number, WeChat id.
 */
search?: string | null, 
/**
 * Customers having any of these tags.
 */
tags?: Array<string>, province?: string | null, city?: string | null, sourceChannel?: string | null, 
/**
 * Lifetime spend (paid − refunded), fen, inclusive.
 */
minSpendFen?: number | null, maxSpendFen?: number | null, 
/**
 * Counted orders, inclusive.
 */
minOrders?: number | null, maxOrders?: number | null, 
/**
 * Shop days `YYYY-MM-DD`, inclusive.
 */
lastOrderFrom?: string | null, lastOrderTo?: string | null, 
/**
 * 1–12.
 */
birthdayMonth?: number | null, 
/**
 * Shop days `YYYY-MM-DD`, inclusive.
 */
createdFrom?: string | null, createdTo?: string | null, 
/**
 * One of [`CUSTOMER_SORTS`]; default `createdAt`.
 */
sort?: string | null, 
/**
 * Default true (newest / biggest first).
 */
desc?: boolean | null, };
