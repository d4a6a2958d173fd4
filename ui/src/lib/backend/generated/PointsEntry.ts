// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { ClosedLots } from "./ClosedLots";
import type { PointsReason } from "./PointsReason";
import type { PointsSource } from "./PointsSource";

/**
 * A ledger row as read back.
 */
export type PointsEntry = { id: number, customerId: number, delta: number, reason: PointsReason, source: PointsSource, sourceId: number | null, ruleVersionId: number | null, pointsPerYuan: number | null, multiplierPct: number | null, baseFen: number | null, operator: string, note: string, ticketId: number | null, at: string, usableFrom: string, expiryKind: string, expiryMonths: number | null, expiresAt: string | null, lotId: number | null, reversesId: number | null, idempotencyKey: string, 
/**
 * The order's number when the source is an order (filled for the customer's history
 * only, so the screen can say which order without a lookup per row).
 */
orderNo: string | null, 
/**
 * For an expiry row: how many lots it closed and when they were earned (filled for the
 * customer's history only — one per-customer expiry row can close many lots).
 */
closedLots: ClosedLots | null, };
