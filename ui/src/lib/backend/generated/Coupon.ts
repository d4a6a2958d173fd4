// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Channel } from "./Channel";
import type { CouponKind } from "./CouponKind";

export type Coupon = { id: number, 
/**
 * The first and last shop day it is valid (`valid_from` / `valid_to` in the shop's
 * timezone): what the screens show.
 */
firstDay: string, lastDay: string, issued: number, used: number, createdBy: string, createdAt: string, name: string, kind: CouponKind, thresholdFen: number, amountFen: number, percentOff: number, capFen: number, gift: string, minSpendFen: number, 
/**
 * Only orders of this channel (None: any).
 */
channel: Channel | null, validFrom: string, validTo: string, 
/**
 * Times one customer may hold/use it.
 */
perCustomerLimit: number, 
/**
 * Grants in total (None: unlimited).
 */
totalLimit: number | null, };
