// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { MovementCell } from "./MovementCell";

/**
 * The customer list's filter: a definition, plus optionally a segment (its key) and a movement
 * cell, all of which must hold. The list's page and totals take this.
 */
export type CustomerFilter = { 
/**
 * `ready:…` or `saved:<id>`.
 */
segment?: string | null, movement?: MovementCell | null, 
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
desc?: boolean | null, 
/**
 * RFM class codes (of the last scoring pass).
 */
rfmClasses?: Array<string>, 
/**
 * Lifecycle stage codes (of the last scoring pass).
 */
stages?: Array<string>, 
/**
 * 老客 (≥ 2 counted orders ever, as of the last pass): true = only them, false = none of them.
 */
returning?: boolean | null, 
/**
 * Loyalty tier codes (the customer's current tier).
 */
tiers?: Array<string>, 
/**
 * Bought (a counted order) an item of one of these categories.
 */
categories?: Array<string>, 
/**
 * Bought (a counted order) one of these products, each given by its exact name or SKU.
 */
products?: Array<string>, 
/**
 * Currently agreed to marketing on one of these channels (`sms`, `phone`, `wechat`, `email`).
 */
consent?: Array<string>, };
