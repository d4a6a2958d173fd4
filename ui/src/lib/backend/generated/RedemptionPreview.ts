// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CouponOption } from "./CouponOption";

/**
 * What the order entry screen shows, and what creating the order will do.
 */
export type RedemptionPreview = { customerId: number, balance: number, 
/**
 * Redeemable now (unlocked, unexpired).
 */
usablePoints: number, 
/**
 * The usable points' value in fen.
 */
usableValueFen: number, pointsPerYuan: number, minPoints: number, maxSharePct: number, 
/**
 * The most points usable on this order after the chosen coupon (0: none can be used).
 */
maxPoints: number, coupons: Array<CouponOption>, 
/**
 * Goods + shipping − discount, before coupon and points.
 */
dueFen: number, couponFen: number, points: number, pointsFen: number, 
/**
 * What the customer pays after coupon and points.
 */
toPayFen: number, 
/**
 * The first problem with the requested redemption (field named), None when it applies.
 */
problemZh: string | null, problemEn: string | null, };
