// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type Liability = { at: string, 
/**
 * Sum of positive balances.
 */
outstandingPoints: number, 
/**
 * Their value at today's redemption rate, fen.
 */
outstandingValueFen: number, customersWithPoints: number, unusedCoupons: number, 
/**
 * Face value of unused money-off coupons (fixed and threshold kinds), fen.
 */
unusedCouponValueFen: number, expiring30Days: number, expiring60Days: number, expiring90Days: number, 
/**
 * Customers per tier of the rules in force, lowest tier first: `(tier code, customers)`.
 */
tierCounts: Array<[string, number]>, };
