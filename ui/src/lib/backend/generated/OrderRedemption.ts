// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What was redeemed on an order: (points, their value in fen, points given back so far,
 * coupon grant id, coupon discount in fen). For the order page.
 */
export type OrderRedemption = { points: number, pointsFen: number, pointsReturned: number, couponGrantId: number | null, couponName: string | null, couponFen: number, };
