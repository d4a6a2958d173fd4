// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { ExpiryPolicy } from "./ExpiryPolicy";
import type { TierBasis } from "./TierBasis";
import type { TierDef } from "./TierDef";

export type LoyaltyRules = { 
/**
 * Points per ¥1 actually paid (after coupons, excluding shipping), rounded down per order.
 */
pointsPerYuan: number, 
/**
 * Days before earned points can be redeemed (return window); 0 allowed.
 */
lockDays: number, 
/**
 * Points worth ¥1 when redeemed.
 */
redeemPointsPerYuan: number, redeemMinPoints: number, 
/**
 * At most this share (percent) of an order can be paid with points.
 */
redeemMaxSharePct: number, expiry: ExpiryPolicy, tierBasis: TierBasis, 
/**
 * A tier is kept this long from reaching it, then re-evaluated.
 */
tierRetentionMonths: number, 
/**
 * Lowest first; thresholds strictly increasing.
 */
tiers: Array<TierDef>, 
/**
 * Points given once a year in the customer's birthday month (members only); 0 = off.
 */
birthdayBonusPoints: number, };
