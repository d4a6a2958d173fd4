// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";
import type { OrderStatus } from "./OrderStatus";

/**
 * What the order list shows: filters (all optional), sort and page.
 */
export type OrderQuery = { 
/**
 * 1-based.
 */
page: number, pageSize: number, channels?: Array<Channel>, statuses?: Array<OrderStatus>, 
/**
 * Shop days (`YYYY-MM-DD`, shop timezone), inclusive.
 */
orderedFrom?: string | null, orderedTo?: string | null, 
/**
 * Amount paid, fen, inclusive.
 */
minPaidFen?: number | null, maxPaidFen?: number | null, customerId?: number | null, 
/**
 * Part of the order number or of a product name.
 */
text?: string | null, 
/**
 * One of [`OrderSort`]'s column names; default `orderedAt`.
 */
sort?: string | null, 
/**
 * Descending (default true for the default sort).
 */
desc?: boolean | null, };
