// Loyalty (issue 4): points ledger, tiers, coupons, liability and the what-if preview. Types
// mirror laoke::loyalty (docs/IPC.md, "Loyalty"). Points are integers, money integer fen.
import type { Channel } from "./orders";
import { call } from "./transport";

export const POINTS_REASONS = ["earn", "redeem", "expire", "adjust", "reverse", "bonus", "compensation", "transfer"] as const;
export type PointsReason = (typeof POINTS_REASONS)[number];
export const POINTS_SOURCES = ["order", "ticket", "coupon", "manual", "job", "merge"] as const;
export type PointsSource = (typeof POINTS_SOURCES)[number];

export interface PointsEntry {
  id: number;
  customerId: number;
  delta: number;
  reason: PointsReason;
  source: PointsSource;
  sourceId: number | null;
  ruleVersionId: number | null;
  pointsPerYuan: number | null;
  multiplierPct: number | null;
  baseFen: number | null;
  operator: string;
  note: string;
  ticketId: number | null;
  at: string;
  usableFrom: string;
  expiryKind: string;
  expiryMonths: number | null;
  expiresAt: string | null;
  lotId: number | null;
  reversesId: number | null;
  idempotencyKey: string;
  /** The order's number when the source is an order (customer history only). */
  orderNo?: string | null;
  /** An expiry row: how many lots it closed, earned when (customer history only). */
  closedLots?: ClosedLots | null;
}

/** What one expiry row closed (laoke::loyalty::lots::Closure). */
export interface ClosedLots {
  entryId: number;
  lots: number;
  points: number;
  firstEarnedAt: string;
  lastEarnedAt: string;
}

/** A customer's points at a glance (laoke::loyalty::points::PointsSummary). */
export interface PointsSummary {
  customerId: number;
  balance: number;
  /** Redeemable now. */
  usable: number;
  /** Still in the lock period. */
  locked: number;
  nextExpiryPoints: number;
  nextExpiryAt: string | null;
  /** The balance's value at today's redemption rate. */
  valueFen: number;
}

export const COUPON_KINDS = ["threshold", "percentage", "fixed", "gift"] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

/** laoke::loyalty::coupons::NewCoupon<V>: validity as instants (stored) or shop days (entered). */
interface CouponTerms<V> {
  name: string;
  kind: CouponKind;
  /** threshold: 满 X */
  thresholdFen: number;
  /** threshold / fixed: the amount off */
  amountFen: number;
  /** percentage: percent off (15 = 85折) */
  percentOff: number;
  /** percentage: at most this off; 0 = no cap */
  capFen: number;
  gift: string;
  minSpendFen: number;
  /** Only orders of this channel; null: any. */
  channel: Channel | null;
  validFrom: V;
  validTo: V;
  perCustomerLimit: number;
  totalLimit: number | null;
}

/** What the coupon form sends: the first and last shop day (YYYY-MM-DD, inclusive); the core
 *  turns them into instants in the shop's timezone. */
export type CouponInput = CouponTerms<string>;

export interface Coupon extends CouponTerms<string> {
  /** RFC 3339 UTC (the start of the first / the last second of the last shop day). */
  validFrom: string;
  validTo: string;
  /** The first and last shop day it is valid (YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  id: number;
  issued: number;
  used: number;
  createdBy: string;
  createdAt: string;
}

export type GrantState = "unused" | "used" | "voided" | "expired";

export interface CouponGrant {
  id: number;
  coupon: Coupon;
  customerId: number;
  state: GrantState;
  source: string;
  ticketId: number | null;
  issuedBy: string;
  issuedAt: string;
  usedAt: string | null;
  orderId: number | null;
  discountFen: number | null;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface TierDef {
  /** Stable code (regular, silver…), stored on customers and in the history. */
  code: string;
  nameZh: string;
  nameEn: string;
  thresholdFen: number;
  /** 120 = 1.2× points */
  multiplierPct: number;
  /** percent off: 2 = 98折 */
  discountPct: number;
  notes: string;
}

export type ExpiryPolicy = { kind: "off" } | { kind: "after_earning"; months: number } | { kind: "inactivity"; months: number };
export type TierBasis = "last12_months" | "lifetime";

export interface LoyaltyRules {
  pointsPerYuan: number;
  lockDays: number;
  redeemPointsPerYuan: number;
  redeemMinPoints: number;
  redeemMaxSharePct: number;
  expiry: ExpiryPolicy;
  tierBasis: TierBasis;
  tierRetentionMonths: number;
  tiers: TierDef[];
  /** Points once a year in the member's birthday month; 0 = off. */
  birthdayBonusPoints: number;
}

export interface RuleVersion {
  id: number;
  effectiveAt: string;
  createdBy: string;
  rules: LoyaltyRules;
}

export interface TierChange {
  id: number;
  fromTier: string | null;
  toTier: string;
  reason: "upgrade" | "downgrade" | "lock" | "unlock" | "merge" | string;
  spendFen: number;
  operator: string;
  at: string;
}

/** laoke::loyalty::tiers::TierStatus */
export interface TierStatus {
  /** null: never bought. */
  tier: TierDef | null;
  reachedAt: string | null;
  retainedUntil: string | null;
  locked: boolean;
  qualifyingSpendFen: number;
  nextTier: TierDef | null;
  toNextFen: number | null;
  /** 0–100 from the current tier's threshold to the next one's (the core's progress_percent). */
  progressPercent: number;
}

/** The customer 360 page's loyalty panel in one call (laoke::loyalty::view). */
export interface CustomerLoyalty {
  points: PointsSummary;
  tier: TierStatus;
  /** The 20 most recent rows, newest first. */
  history: PointsEntry[];
  tierHistory: TierChange[];
  coupons: CouponGrant[];
}

export interface Liability {
  at: string;
  outstandingPoints: number;
  outstandingValueFen: number;
  customersWithPoints: number;
  unusedCoupons: number;
  unusedCouponValueFen: number;
  expiring30Days: number;
  expiring60Days: number;
  expiring90Days: number;
  /** Customers per tier of the rules in force, lowest tier first: [tier code, customers]. */
  tierCounts: [string, number][];
}

export interface MonthPoints {
  /** Shop month YYYY-MM */
  month: string;
  issued: number;
  redeemed: number;
  expired: number;
  reversed: number;
}

/** laoke::loyalty::whatif::WhatIf — what saving these rules does now (preview = apply). */
export interface WhatIf {
  customersChangingTier: number;
  /** [tier code, customers] after the change, lowest tier first. */
  tierCounts: [string, number][];
  pointsExpiringNow: number;
  liabilityBefore: Liability;
  liabilityAfter: Liability;
  liabilityChangePoints: number;
  replayPointsCurrent: number;
  replayPointsNew: number;
}

export interface JobReport {
  tiers: { evaluated: number; upgraded: number; downgraded: number; renewed: number };
  sync: { earnedOrders: number; earnedPoints: number; reversedOrders: number; reversedPoints: number; returnedPoints: number; restoredCoupons: number };
  expiry: { customers: number; lots: number; points: number };
  birthday: { customers: number; points: number };
}

/** The periodic job now (tiers, earning, reversals, expiry); idempotent. */
export const loyaltyRun = () => call<JobReport>("loyalty_run");
/** The 360 page's panel: balance, tier, recent history, tier changes, coupons held. */
export const loyaltyCustomer = (customerId: number) => call<CustomerLoyalty>("loyalty_customer", { customerId });
/** Newest first, at most `limit` rows. */
export const loyaltyHistory = (customerId: number, limit: number) => call<PointsEntry[]>("loyalty_history", { customerId, limit });
/** Returns the new ledger row's id. Reps: at most 500 points (the core refuses more). */
export const loyaltyAdjust = (a: { customerId: number; points: number; reason: string; ticketId: number | null }) =>
  call<number>("loyalty_adjust", a);
/** Pays part of an order with points; returns [ledger row id, value in fen]. */
export const loyaltyRedeem = (a: { customerId: number; orderId: number; points: number }) => call<[number, number]>("loyalty_redeem", a);
export const loyaltyRules = () => call<RuleVersion>("loyalty_rules");
/** Owner: what the rules would do, nothing saved. */
export const loyaltyWhatIf = (rules: LoyaltyRules) => call<WhatIf>("loyalty_what_if", { rules });
/** Owner: save the rules and run the job with them — exactly what the preview showed. */
export const loyaltyApplyRules = (rules: LoyaltyRules) => call<WhatIf>("loyalty_apply_rules", { rules });
export const loyaltyLiability = () => call<Liability>("loyalty_liability");
export const loyaltyMonthly = () => call<MonthPoints[]>("loyalty_monthly");
export const couponsList = () => call<Coupon[]>("coupons_list");
export const couponsCreate = (coupon: CouponInput) => call<Coupon>("coupons_create", { coupon });
/** Returns the new grant ids. */
export const couponsIssue = (a: { couponId: number; customerIds: number[] }) => call<number[]>("coupons_issue", a);
export const couponsVoid = (a: { grantId: number; reason: string }) => call<CouponGrant>("coupons_void", a);
export const couponsRedeem = (a: { grantId: number; orderId: number }) => call<CouponGrant>("coupons_redeem", a);
/** Owner: lock the customer's tier (a tier code), or unlock with null. */
export const loyaltyLockTier = (a: { customerId: number; tier: string | null }) => call<TierStatus>("loyalty_lock_tier", a);

/** laoke::loyalty::redemption — paying with points and a coupon at order entry. */
export interface Redemption {
  /** 0: no points. */
  points: number;
  couponGrantId: number | null;
}

/** The amounts of the order being entered, before any redemption. */
export interface OrderDraft {
  customerId: number;
  channel: Channel;
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
}

export interface CouponOption {
  grantId: number;
  name: string;
  kind: string;
  gift: string;
  validTo: string;
  /** The discount on this order (0 when it cannot be used). */
  discountFen: number;
  usable: boolean;
  problemZh: string | null;
  problemEn: string | null;
}

/** Computed by the core with the same checks as creating the order. */
export interface RedemptionPreview {
  customerId: number;
  balance: number;
  usablePoints: number;
  usableValueFen: number;
  pointsPerYuan: number;
  minPoints: number;
  maxSharePct: number;
  /** The most points usable on this order after the chosen coupon (0: none). */
  maxPoints: number;
  coupons: CouponOption[];
  dueFen: number;
  couponFen: number;
  points: number;
  pointsFen: number;
  toPayFen: number;
  problemZh: string | null;
  problemEn: string | null;
}

export interface OrderRedemption {
  points: number;
  pointsFen: number;
  pointsReturned: number;
  couponGrantId: number | null;
  couponName: string | null;
  couponFen: number;
}

export const loyaltyRedemptionPreview = (draft: OrderDraft, redemption: Redemption) =>
  call<RedemptionPreview>("loyalty_redemption_preview", { draft, redemption });
export const loyaltyOrderRedemption = (orderId: number) => call<OrderRedemption>("loyalty_order_redemption", { orderId });
