// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What a ticket's resolution gave the customer. Points and coupons go through the loyalty
 * ledger with the ticket id (once per ticket and line: an idempotency key), in the same
 * transaction as the resolution.
 */
export type Compensation = { "kind": "refundNote", amountFen: number, note: string, } | { "kind": "points", points: number, reason: string, } | { "kind": "coupon", couponId: number, };
