// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What one expiry row closed (for the points history: how many lots, earned when).
 */
export type ClosedLots = { 
/**
 * The expiry row.
 */
entryId: number, lots: number, 
/**
 * Points it took from them (= minus the row's delta).
 */
points: number, firstEarnedAt: string, lastEarnedAt: string, };
