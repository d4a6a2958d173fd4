// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";
import type { OrderStatus } from "./OrderStatus";

/**
 * One line of the order list.
 */
export type OrderRow = { id: number, channel: Channel, orderNo: string, status: OrderStatus, orderedAt: string, paidAt: string | null, customerId: number | null, customerName: string | null, buyerNick: string | null, goodsFen: number, shippingFen: number, discountFen: number, paidFen: number, refundedFen: number, 
/**
 * Paid − refunded: what the shop kept (实收, as the order page says).
 */
keptFen: number, 
/**
 * Product names, joined with "、" (first three).
 */
products: string, itemCount: number, };
