// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Coupon } from "./Coupon";
import type { GrantState } from "./GrantState";

export type CouponGrant = { id: number, coupon: Coupon, customerId: number, state: GrantState, source: string, ticketId: number | null, issuedBy: string, issuedAt: string, usedAt: string | null, orderId: number | null, discountFen: number | null, voidedAt: string | null, voidReason: string | null, };
