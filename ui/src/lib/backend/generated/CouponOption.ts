// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CouponKind } from "./CouponKind";

/**
 * One of the customer's unused coupons, for this order.
 */
export type CouponOption = { grantId: number, name: string, kind: CouponKind, gift: string, validTo: string, 
/**
 * The discount it gives on this order (0 when it cannot be used).
 */
discountFen: number, usable: boolean, 
/**
 * Why not, when it cannot be used on this order.
 */
problemZh: string | null, problemEn: string | null, };
