// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";

export type UnpaidOrder = { orderId: number, orderNo: string, channel: Channel, customerId: number | null, customerName: string | null, orderedAt: string, 
/**
 * Which reminder is due (1: 30 min, 2: 4 h, 3: 2 h before the platform closes it).
 */
step: number, closesAt: string, goodsFen: number, };
