// Loyalty (issue 4): points ledger, tiers, coupons, liability and the what-if preview. Types
// mirror laoke::loyalty (docs/IPC.md, "Loyalty"). Points are integers, money integer fen.
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

export interface CouponInput {
  name: string;
  kind: CouponKind;
  thresholdFen: number;
  amountFen: number;
  percentOff: number;
  capFen: number;
  gift: string;
  minSpendFen: number;
  channel: string | null;
  /** Shop days YYYY-MM-DD, inclusive. */
  validFrom: string;
  validTo: string;
  perCustomerLimit: number;
  totalLimit: number | null;
}

export interface Coupon extends CouponInput {
  id: number;
  createdBy: string;
  createdAt: string;
  issued: number;
  used: number;
  voided: number;
}

export interface CouponGrant {
  id: number;
  couponId: number;
  customerId: number;
  coupon: Coupon;
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
  birthdayBonusPoints: number;
}

export interface RuleVersion {
  id: number;
  effectiveAt: string;
  rules: LoyaltyRules;
  createdBy: string;
  createdAt: string;
}

export interface TierChange {
  id: number;
  fromTier: string | null;
  toTier: string;
  reason: "upgrade" | "downgrade" | "lock" | "unlock" | "merge";
  spendFen: number;
  operator: string;
  at: string;
}

export interface CustomerTier {
  tier: string | null;
  reachedAt: string | null;
  retainedUntil: string | null;
  locked: boolean;
  qualifyingSpendFen: number;
  history: TierChange[];
}

export interface MonthPoints {
  month: string;
  issued: number;
  redeemed: number;
  expired: number;
}

export interface Liability {
  outstandingPoints: number;
  outstandingFen: number;
  unusedCoupons: number;
  expiring30: number;
  expiring60: number;
  expiring90: number;
  months: MonthPoints[];
  tiers: { tier: string; customers: number }[];
}

export interface WhatIf {
  customersUp: number;
  customersDown: number;
  pointsExpiring: number;
  liabilityBeforePoints: number;
  liabilityAfterPoints: number;
}

export const loyaltyPoints = (customerId: number) => call<PointsSummary>("loyalty_points", { customerId });
/** Newest first, at most `limit` rows. */
export const loyaltyHistory = (customerId: number, limit: number) => call<PointsEntry[]>("loyalty_history", { customerId, limit });
/** Returns the new ledger row's id. Reps: at most 500 points (the core refuses more). */
export const loyaltyAdjust = (a: { customerId: number; points: number; reason: string; ticketId: number | null }) =>
  call<number>("loyalty_adjust", a);
/** Pays part of an order with points; returns [ledger row id, value in fen]. */
export const loyaltyRedeem = (a: { customerId: number; orderId: number; points: number }) => call<[number, number]>("loyalty_redeem", a);
export const loyaltyTier = (customerId: number) => call<CustomerTier>("loyalty_tier", { customerId });
export const loyaltyRules = () => call<RuleVersion>("loyalty_rules");
export const loyaltyWhatIf = (rules: LoyaltyRules) => call<WhatIf>("loyalty_what_if", { rules });
export const loyaltySaveRules = (rules: LoyaltyRules) => call<RuleVersion>("loyalty_save_rules", { rules });
export const loyaltyLiability = () => call<Liability>("loyalty_liability");
export const couponsList = () => call<Coupon[]>("coupons_list");
export const couponsCreate = (coupon: CouponInput) => call<Coupon>("coupons_create", { coupon });
export const couponsIssue = (a: { couponId: number; customerId: number }) => call<CouponGrant>("coupons_issue", a);
export const couponsVoid = (a: { grantId: number; reason: string }) => call<CouponGrant>("coupons_void", a);
export const couponsOfCustomer = (customerId: number) => call<CouponGrant[]>("coupons_of_customer", { customerId });
