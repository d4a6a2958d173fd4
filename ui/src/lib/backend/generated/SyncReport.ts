// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type SyncReport = { 
/**
 * Orders that earned (first earn, or points back for an order that counts again).
 */
earnedOrders: number, earnedPoints: number, reversedOrders: number, reversedPoints: number, 
/**
 * Redeemed points given back for refunded / cancelled orders.
 */
returnedPoints: number, 
/**
 * Coupons restored to customers (their order refunded in full or cancelled).
 */
restoredCoupons: number, };
