// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";
import type { NewOrderItem } from "./NewOrderItem";
import type { OrderStatus } from "./OrderStatus";

/**
 * A sale typed in by staff (usually in the shop). Goods amount is the sum of the item lines;
 * paid defaults to goods + shipping − discount.
 */
export type ManualOrder = { customerId?: number | null, channel: Channel, 
/**
 * Empty: one is generated (MD + shop date + sequence, e.g. MD20260301-001).
 */
orderNo: string, status: OrderStatus, 
/**
 * Default: now.
 */
orderedAt?: string | null, shippingFen: number, discountFen: number, 
/**
 * Default: goods + shipping − discount (0 for unpaid or cancelled orders).
 */
paidFen?: number | null, note: string, items: Array<NewOrderItem>, };
