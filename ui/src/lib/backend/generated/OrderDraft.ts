// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";

/**
 * The amounts of an order being entered, before any redemption.
 */
export type OrderDraft = { customerId: number, channel: Channel, 
/**
 * Sum of the item lines.
 */
goodsFen: number, shippingFen: number, 
/**
 * The discount typed in (before coupon and points).
 */
discountFen: number, };
