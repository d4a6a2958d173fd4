// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";
import type { CouponKind } from "./CouponKind";

/**
 * A coupon's terms. `V` is how its validity is given: instants (`DateTime<Utc>`, the default:
 * what is stored and checked) or, as a person enters it, the first and last shop day
 * (`NaiveDate`, inclusive: [`NewCoupon::in_shop_days`] turns them into instants in the shop's
 * timezone, so no front end converts days itself).
 */
export type NewCoupon<V = string> = { name: string, kind: CouponKind, thresholdFen: number, amountFen: number, percentOff: number, capFen: number, gift: string, minSpendFen: number, 
/**
 * Only orders of this channel (None: any).
 */
channel: Channel | null, validFrom: V, validTo: V, 
/**
 * Times one customer may hold/use it.
 */
perCustomerLimit: number, 
/**
 * Grants in total (None: unlimited).
 */
totalLimit: number | null, };
