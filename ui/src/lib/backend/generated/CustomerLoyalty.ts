// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CouponGrant } from "./CouponGrant";
import type { PointsEntry } from "./PointsEntry";
import type { PointsSummary } from "./PointsSummary";
import type { TierChange } from "./TierChange";
import type { TierStatus } from "./TierStatus";

export type CustomerLoyalty = { points: PointsSummary, tier: TierStatus, 
/**
 * The 20 most recent ledger rows, newest first.
 */
history: Array<PointsEntry>, tierHistory: Array<TierChange>, coupons: Array<CouponGrant>, };
