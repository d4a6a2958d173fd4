// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type TierDef = { 
/**
 * Stable code (`regular`, `silver`…), stored on customers and in the history.
 */
code: string, nameZh: string, nameEn: string, 
/**
 * Qualifying spend needed; the first tier is 0 (any purchase).
 */
thresholdFen: number, 
/**
 * Points multiplier in percent: 120 = 1.2×.
 */
multiplierPct: number, 
/**
 * Discount in percent off: 2 = 98折.
 */
discountPct: number, notes: string, };
