// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What the customer pays with besides money: points and/or one of their coupons.
 */
export type Redemption = { 
/**
 * 0: no points.
 */
points: number, couponGrantId: number | null, };
