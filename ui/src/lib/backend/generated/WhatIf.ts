// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { JobReport } from "./JobReport";
import type { Liability } from "./Liability";

export type WhatIf = { job: JobReport, 
/**
 * Customers whose tier the new rules change now.
 */
customersChangingTier: number, 
/**
 * Customers per tier code after the change, lowest tier first.
 */
tierCounts: Array<[string, number]>, 
/**
 * Points the job would expire now.
 */
pointsExpiringNow: number, liabilityBefore: Liability, liabilityAfter: Liability, liabilityChangePoints: number, 
/**
 * The last 12 months of paid orders, earned at the current and at the new rules.
 */
replayPointsCurrent: number, replayPointsNew: number, };
