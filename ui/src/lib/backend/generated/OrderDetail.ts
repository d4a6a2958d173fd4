// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";
import type { OrderCustomer } from "./OrderCustomer";
import type { OrderItemRow } from "./OrderItemRow";
import type { OrderStatus } from "./OrderStatus";

/**
 * One order with its items and customer.
 */
export type OrderDetail = { receiverName: string | null, 
/**
 * Masked for service reps.
 */
receiverPhone: string | null, receiverAddress: string | null, note: string, createdBy: string, createdAt: string, updatedAt: string, imported: boolean, items: Array<OrderItemRow>, customer: OrderCustomer | null, id: number, channel: Channel, orderNo: string, status: OrderStatus, orderedAt: string, paidAt: string | null, customerId: number | null, customerName: string | null, buyerNick: string | null, goodsFen: number, shippingFen: number, discountFen: number, paidFen: number, refundedFen: number, 
/**
 * Paid − refunded: what the shop kept (实收, as the order page says).
 */
keptFen: number, 
/**
 * Product names, joined with "、" (first three).
 */
products: string, itemCount: number, };
