// Loyalty (issue 4): points ledger, tiers, coupons, liability and the what-if preview. The
// types are generated from laoke::loyalty (./generated; docs/IPC.md, "Loyalty"). Points are
// integers, money integer fen.
import { call, type Args } from "./transport";
import type { CouponKind, LoyaltyPast, LoyaltyRules, NewCoupon, OrderDraft, PointsReason, PointsSource, Redemption } from "./types";

export const POINTS_REASONS = [
  "earn", "redeem", "expire", "adjust", "reverse", "bonus", "compensation", "transfer",
] as const satisfies readonly PointsReason[];
export const POINTS_SOURCES = ["order", "ticket", "coupon", "manual", "job", "merge"] as const satisfies readonly PointsSource[];
export const COUPON_KINDS = ["threshold", "percentage", "fixed", "gift"] as const satisfies readonly CouponKind[];

/** Whether loyalty is on, off or starting, and the first run's progress (poll while starting). */
export const loyaltyProgram = () => call("loyalty_program");
/** Owner: orders stop earning; points already earned stay. */
export const loyaltySwitchOff = () => call("loyalty_switch_off");
/** Owner: switch loyalty on with a choice for past orders (or continue a start in progress).
 *  Returns at once; the past orders earn in batches on a worker — poll `loyaltyProgram`. */
export const loyaltyStart = (past: LoyaltyPast) => call("loyalty_start", { past });
/** The periodic job now (tiers, earning, reversals, expiry); idempotent. */
export const loyaltyRun = () => call("loyalty_run");
/** The 360 page's panel: balance, tier, recent history, tier changes, coupons held. */
export const loyaltyCustomer = (customerId: number) => call("loyalty_customer", { customerId });
/** Newest first, at most `limit` rows. */
export const loyaltyHistory = (customerId: number, limit: number) => call("loyalty_history", { customerId, limit });
/** Returns the new ledger row's id. Reps: at most 500 points (the core refuses more). */
export const loyaltyAdjust = (a: Args<"loyalty_adjust">) => call("loyalty_adjust", a);
/** Pays part of an order with points; returns [ledger row id, value in fen]. */
export const loyaltyRedeem = (a: Args<"loyalty_redeem">) => call("loyalty_redeem", a);
export const loyaltyRules = () => call("loyalty_rules");
/** Owner: what the rules would do, nothing saved. */
export const loyaltyWhatIf = (rules: LoyaltyRules) => call("loyalty_what_if", { rules });
/** Owner: save the rules and run the job with them — exactly what the preview showed. */
export const loyaltyApplyRules = (rules: LoyaltyRules) => call("loyalty_apply_rules", { rules });
export const loyaltyLiability = () => call("loyalty_liability");
export const loyaltyMonthly = () => call("loyalty_monthly");
export const couponsList = () => call("coupons_list");
export const couponsCreate = (coupon: NewCoupon) => call("coupons_create", { coupon });
/** Returns the new grant ids. */
export const couponsIssue = (a: Args<"coupons_issue">) => call("coupons_issue", a);
export const couponsVoid = (a: Args<"coupons_void">) => call("coupons_void", a);
export const couponsRedeem = (a: Args<"coupons_redeem">) => call("coupons_redeem", a);
/** Owner: lock the customer's tier (a tier code), or unlock with null. */
export const loyaltyLockTier = (a: Args<"loyalty_lock_tier">) => call("loyalty_lock_tier", a);

/** What paying with points and a coupon would do to the order being entered; computed by the
 *  core with the same checks as creating the order (laoke::loyalty::redemption). */
export const loyaltyRedemptionPreview = (draft: OrderDraft, redemption: Redemption) =>
  call("loyalty_redemption_preview", { draft, redemption });
export const loyaltyOrderRedemption = (orderId: number) => call("loyalty_order_redemption", { orderId });
