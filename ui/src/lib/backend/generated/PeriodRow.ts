// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type PeriodRow = { 
/**
 * `2026-03` or `2026-W10` (ISO week).
 */
period: string, created: number, resolved: number, 
/**
 * Resolved in the period without any breach (first response and resolution).
 */
slaMet: number, slaCompliancePermille: number | null, medianFirstResponseMin: number | null, medianResolutionMin: number | null, csatResponses: number, 
/**
 * Share of 4–5 among the responses.
 */
csatPermille: number | null, complaints: number, orders: number, 
/**
 * Complaints per 100 orders, ×10 (e.g. 23 = 2.3 per 100).
 */
complaintsPer100OrdersX10: number | null, };
