// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type MonthPoints = { 
/**
 * Shop month, YYYY-MM.
 */
month: string, 
/**
 * Earned, bonus, compensation, positive adjustments and transfers in.
 */
issued: number, redeemed: number, expired: number, 
/**
 * Taken back by refunds, cancellations and negative adjustments.
 */
reversed: number, };
